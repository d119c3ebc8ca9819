//! What the user knows better than the parser: field corrections,
//! exclusion from analyses, tags and a note per document (in the reader),
//! and a note for the whole workspace. Every change is a command; the
//! overlay keeps it, every consumer reads it, and a workspace saves it.

use chrono::NaiveDate;
use wirescope_core::article::canonical_agency;
use wirescope_core::overlay::parse_tags;
use wirescope_core::{Correction, DocIx, DocKey, Document};

use super::{Command, WirescopeApp};

/// The reader's field form while it is open, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldEdit {
    pub doc: DocKey,
    pub title: String,
    pub agency: String,
    pub outlet: String,
    pub published: String,
    pub dateline: String,
    /// Why the last Apply was refused.
    pub error: Option<String>,
}

impl FieldEdit {
    /// The form for a document, filled with its fields as shown now
    /// (corrections applied).
    pub fn new(app: &WirescopeApp, doc_ix: DocIx) -> Self {
        let fields = app.corpus.fields(doc_ix, &app.overlay);
        let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
        Self {
            doc: app.corpus.doc(doc_ix).key.clone(),
            title: fields.title.to_owned(),
            agency: text(fields.agency),
            outlet: text(fields.outlet),
            published: fields
                .published
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            dateline: text(fields.dateline),
            error: None,
        }
    }

    /// The correction the form asks for, against the fields as extracted:
    /// a field typed as extracted is not corrected, and an emptied one
    /// removes the value (a date cannot be removed, only replaced). A
    /// known agency is written by its usual name, as the parser writes it
    /// ("Agence France-Presse" is AFP), so that `agency:AFP` finds it.
    pub fn correction(&self, doc: &Document) -> Result<Correction, String> {
        let differs = |typed: &str, found: Option<&str>| {
            let typed = typed.trim();
            (typed != found.unwrap_or_default().trim()).then(|| typed.to_owned())
        };
        let found = &doc.fields;
        let published = match self.published.trim() {
            "" if doc.published().is_some() => {
                return Err("A date found in the article can be replaced, not removed: \
                     type a date as YYYY-MM-DD."
                    .into());
            }
            "" => None,
            typed => {
                let date = NaiveDate::parse_from_str(typed, "%Y-%m-%d")
                    .map_err(|_| format!("\"{typed}\" is not a date: type it as YYYY-MM-DD."))?;
                (Some(date) != doc.published()).then_some(date)
            }
        };
        Ok(Correction {
            title: differs(&self.title, Some(doc.title())),
            published,
            agency: differs(
                canonical_agency(&self.agency).unwrap_or(&self.agency),
                found.agency.get().map(String::as_str),
            ),
            outlet: differs(&self.outlet, found.outlet.get().map(String::as_str)),
            dateline: differs(&self.dateline, found.dateline.get().map(String::as_str)),
        })
    }
}

/// The buttons under the reader's headline: edit the fields, revert the
/// corrections, exclude the document or include it again.
pub fn actions_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, doc: &Document, doc_ix: DocIx) {
    let key = &doc.key;
    let editing = app.ui.field_edit.as_ref().is_some_and(|e| e.doc == *key);
    ui.horizontal(|ui| {
        if !editing
            && ui
                .button("Edit fields")
                .on_hover_text("Correct the headline, date, agency, outlet or dateline")
                .clicked()
        {
            app.ui.field_edit = Some(FieldEdit::new(app, doc_ix));
        }
        if app.overlay.correction(key).is_some()
            && ui
                .button("Revert corrections")
                .on_hover_text("Show the fields as read from the file")
                .clicked()
        {
            app.push(Command::Correct(key.clone(), Correction::default()));
            app.ui.field_edit = None;
        }
        if app.overlay.is_excluded(key) {
            ui.colored_label(ui.visuals().warn_fg_color, "Excluded from analyses");
            if ui.button("Include again").clicked() {
                app.push(Command::SetExcluded(key.clone(), false));
            }
        } else if ui
            .button("Exclude")
            .on_hover_text("Leave this document out of the table, counts, charts and searches")
            .clicked()
        {
            app.push(Command::SetExcluded(key.clone(), true));
        }
    });
}

/// What the user did with the field form this frame.
enum FormAction {
    Apply,
    Cancel,
}

/// The field form, in place of the metadata grid. Returns false (and
/// draws nothing) when no form is open for this document.
pub fn form_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, doc: &Document) -> bool {
    let Some(edit) = app.ui.field_edit.as_mut().filter(|e| e.doc == doc.key) else {
        return false;
    };
    let mut action = None;
    egui::Grid::new(("field-form", &doc.key))
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (label, text, hint) in [
                ("Headline", &mut edit.title, "no headline"),
                ("Agency", &mut edit.agency, "none"),
                ("Outlet", &mut edit.outlet, "none"),
                ("Published", &mut edit.published, "YYYY-MM-DD"),
                ("Dateline", &mut edit.dateline, "none"),
            ] {
                ui.weak(label);
                let response = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .hint_text(hint)
                            .desired_width(f32::INFINITY),
                    )
                    .accessible_name(label);
                if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    action = Some(FormAction::Apply);
                }
                ui.end_row();
            }
        });
    if let Some(error) = &edit.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.horizontal(|ui| {
        if ui
            .button("Apply")
            .on_hover_text("A field left as read is not a correction; an emptied one has no value")
            .clicked()
        {
            action = Some(FormAction::Apply);
        }
        if ui.button("Cancel").clicked() {
            action = Some(FormAction::Cancel);
        }
    });
    match action {
        Some(FormAction::Apply) => match edit.correction(doc) {
            Ok(correction) => {
                app.ui.field_edit = None;
                app.push(Command::Correct(doc.key.clone(), correction));
            }
            Err(error) => edit.error = Some(error),
        },
        Some(FormAction::Cancel) => app.ui.field_edit = None,
        None => {}
    }
    true
}

/// The document's tags (one box, comma-separated, kept when the box loses
/// focus) and its note (kept as typed).
pub fn annotations_ui(ui: &mut egui::Ui, app: &mut WirescopeApp, doc: &Document) {
    let key = &doc.key;
    let saved = app.overlay.tags.get(key).cloned().unwrap_or_default();
    // While the box has focus it shows what is being typed; otherwise the
    // tags as kept, which a workspace opened meanwhile may have changed.
    let id = egui::Id::unique(("tags", key));
    let focused = ui.memory(|m| m.has_focus(id));
    let mut typed = match &app.ui.tags_edit {
        Some((k, typed)) if focused && k == key => typed.clone(),
        _ => saved.join(", "),
    };
    ui.horizontal(|ui| {
        ui.weak("Tags");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut typed)
                    .id(id)
                    .hint_text("comma-separated, e.g. reprint, check date")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("Tags");
        if response.lost_focus() {
            app.ui.tags_edit = None;
            let tags = parse_tags(&typed);
            if tags != saved {
                app.push(Command::SetTags(key.clone(), tags));
            }
        } else if response.has_focus() {
            app.ui.tags_edit = Some((key.clone(), typed));
        }
    });
    let mut note = app.overlay.notes.get(key).cloned().unwrap_or_default();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut note)
                .hint_text("Note on this document")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Note on this document");
    if response.changed() {
        app.push(Command::SetNote(key.clone(), note));
    }
}

/// The workspace's note, saved with it.
pub fn workspace_note_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let mut open = app.ui.show_workspace_note;
    let mut note = app.workspace.note.clone();
    let mut changed = false;
    let focus = std::mem::take(&mut app.ui.focus_workspace_note);
    egui::Window::new("Workspace note")
        .open(&mut open)
        .default_width(420.0)
        .show(ctx, |ui| {
            ui.weak("Saved with the workspace: what this collection is and what was done to it.");
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .hint_text("Workspace note")
                        .desired_rows(8)
                        .desired_width(f32::INFINITY),
                )
                .accessible_name("Workspace note");
            if focus {
                response.request_focus();
            }
            changed = response.changed();
        });
    app.ui.show_workspace_note = open;
    if changed {
        app.push(Command::SetWorkspaceNote(note));
    }
}

/// The documents excluded from analyses, each with a way back.
pub fn excluded_window(ctx: &egui::Context, app: &mut WirescopeApp) {
    let mut open = app.ui.show_excluded;
    let mut include = Vec::new();
    let mut read = None;
    egui::Window::new("Excluded documents")
        .open(&mut open)
        .default_width(560.0)
        .show(ctx, |ui| {
            let excluded = &app.overlay.excluded;
            if excluded.is_empty() {
                ui.label("No document is excluded. The reader's Exclude button leaves one out.");
                return;
            }
            ui.label(format!(
                "{} left out of the table, counts, charts and searches:",
                excluded.len()
            ));
            // Rows are drawn only where visible: a long list costs one
            // screen a frame.
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(320.0).show_rows(
                ui,
                row_height,
                excluded.len(),
                |ui, rows| {
                    for key in excluded.iter().skip(rows.start).take(rows.len()) {
                        ui.horizontal(|ui| {
                            if ui.button("Include again").clicked() {
                                include.push(key.clone());
                            }
                            match app.corpus.find(key) {
                                Some(ix) => {
                                    let title = app.corpus.fields(ix, &app.overlay).title;
                                    if ui.link(title).on_hover_text(key.to_string()).clicked() {
                                        read = Some(ix);
                                    }
                                }
                                None => {
                                    ui.weak(format!("{key} (not loaded)"));
                                }
                            }
                        });
                    }
                },
            );
            if ui.button("Include all again").clicked() {
                include.extend(excluded.iter().cloned());
            }
        });
    app.ui.show_excluded = open;
    for key in include {
        app.push(Command::SetExcluded(key, false));
    }
    if let Some(ix) = read {
        app.push(Command::SelectDoc(ix));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirescope_core::fields::{Field, Provenance};

    fn article() -> Document {
        let title = "Storm hits Seoul";
        let (text, body_start) =
            Document::compose_text(title, "SEOUL: A storm hit the capital on Saturday.");
        let mut fields = wirescope_core::fields::ArticleFields::default();
        fields.agency = Field::found("AFP".into(), Provenance::Line(1));
        fields.outlet = Field::found("dawn.com".into(), Provenance::Line(2));
        fields.dateline = Field::found("SEOUL".into(), Provenance::Line(4));
        fields.published = Field::found(
            NaiveDate::from_ymd_opt(2020, 9, 26).unwrap(),
            Provenance::Line(3),
        );
        Document {
            key: DocKey::from("storm.txt"),
            kind: wirescope_core::document::SourceKind::PlainText,
            stamp: std::sync::Arc::new(wirescope_core::SourceStamp {
                size_bytes: 0,
                modified_secs: None,
                hash: String::new(),
            }),
            content_hash: 0,
            fields,
            text,
            body_start,
            encoding: "UTF-8",
        }
    }

    fn form(doc: &Document) -> FieldEdit {
        let found = |f: &Field<String>| f.get().cloned().unwrap_or_default();
        FieldEdit {
            doc: doc.key.clone(),
            title: doc.title().to_owned(),
            agency: found(&doc.fields.agency),
            outlet: found(&doc.fields.outlet),
            published: doc.published().map(|d| d.to_string()).unwrap_or_default(),
            dateline: found(&doc.fields.dateline),
            error: None,
        }
    }

    #[test]
    fn an_untouched_form_corrects_nothing() {
        let doc = article();
        assert_eq!(form(&doc).correction(&doc), Ok(Correction::default()));
    }

    #[test]
    fn changed_and_emptied_fields_become_corrections() {
        let doc = article();
        let mut edit = form(&doc);
        edit.title = "  A better headline ".into();
        edit.outlet.clear();
        edit.published = "2020-09-27".into();
        let correction = edit.correction(&doc).unwrap();
        assert_eq!(correction.title.as_deref(), Some("A better headline"));
        assert_eq!(correction.outlet.as_deref(), Some(""), "emptied: no value");
        assert_eq!(correction.published, NaiveDate::from_ymd_opt(2020, 9, 27));
        assert_eq!(correction.agency, None, "typed as extracted");
    }

    #[test]
    fn a_known_agency_is_written_by_its_usual_name() {
        let doc = article();
        let mut edit = form(&doc);
        edit.agency = "Agence France-Presse".into();
        assert_eq!(edit.correction(&doc).unwrap().agency, None, "AFP already");
        edit.agency = "by reuters".into();
        assert_eq!(
            edit.correction(&doc).unwrap().agency.as_deref(),
            Some("Reuters")
        );
        edit.agency = "Wirescope Wire".into();
        assert_eq!(
            edit.correction(&doc).unwrap().agency.as_deref(),
            Some("Wirescope Wire"),
            "an unknown agency is kept as typed"
        );
    }

    #[test]
    fn a_bad_or_removed_date_is_refused_with_the_reason() {
        let doc = article();
        let mut edit = form(&doc);
        edit.published = "26/09/2020".into();
        let error = edit.correction(&doc).unwrap_err();
        assert!(error.contains("26/09/2020") && error.contains("YYYY-MM-DD"));
        edit.published.clear();
        assert!(edit.correction(&doc).unwrap_err().contains("not removed"));
    }
}
