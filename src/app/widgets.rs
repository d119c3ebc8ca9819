//! Small widgets the panels share.

/// A row of buttons; returns the value of the one clicked.
pub fn choice_buttons<T: Copy>(ui: &mut egui::Ui, choices: &[(&str, T)]) -> Option<T> {
    ui.horizontal(|ui| {
        let mut chosen = None;
        for &(label, value) in choices {
            if ui.button(label).clicked() {
                chosen = Some(value);
            }
        }
        chosen
    })
    .inner
}

/// A one-line text box that hands back its trimmed text when Enter is
/// pressed in it (and clears itself); `None` otherwise.
pub fn entry_on_enter(
    ui: &mut egui::Ui,
    text: &mut String,
    hint: &str,
    width: f32,
) -> Option<String> {
    // The hint names the box for screen readers (and tests) too.
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(width),
        )
        .accessible_name(hint);
    if response.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !text.trim().is_empty()
    {
        let entered = text.trim().to_owned();
        text.clear();
        return Some(entered);
    }
    None
}
