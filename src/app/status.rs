//! The status bar: corpus size of the current view, load progress with
//! Cancel, and the link to the load report.

use super::{Command, WirescopeApp};

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let rows = app.table_rows().len();
            let tokens = app.derived.view_tokens;
            let types = app.derived.words.rows.len();
            ui.label(format!(
                "{rows} documents · {tokens} tokens · {types} word types"
            ));
            if app.corpus.len() != rows {
                ui.weak(format!("(of {} loaded)", app.corpus.len()));
            }
            ui.separator();
            if let Some(job) = &app.job {
                let p = job.snapshot();
                let fraction = if p.bytes_total > 0 {
                    p.bytes_done as f32 / p.bytes_total as f32
                } else {
                    0.0
                };
                ui.add(
                    egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
                        .desired_width(200.0)
                        .show_percentage(),
                );
                ui.label(format!(
                    "{} of {} files · {:.1} of {:.1} MB",
                    p.files_done,
                    p.files_total,
                    p.bytes_done as f64 / 1e6,
                    p.bytes_total as f64 / 1e6
                ));
                if job.is_cancelled() {
                    ui.weak("cancelling...");
                } else if ui.button("Cancel").clicked() {
                    app.push(Command::CancelLoad);
                }
            } else if let Some(message) = &app.ui.message {
                ui.label(message);
            }
            let excluded = app.overlay.excluded.len();
            if excluded > 0 {
                ui.separator();
                if ui.link(format!("{excluded} excluded")).clicked() {
                    app.ui.show_excluded = true;
                }
            }
            let skipped = app.problems.iter().filter(|p| p.is_skip()).count();
            let partly = app
                .problems
                .iter()
                .filter(|p| p.kind == wirescope_core::loader::ProblemKind::PartlyRead)
                .count();
            if skipped + partly > 0 {
                ui.separator();
                let text = if partly > 0 {
                    format!("{skipped} files skipped, {partly} partly read")
                } else {
                    format!("{skipped} files skipped")
                };
                if ui.link(text).clicked() {
                    app.push(Command::ShowReport);
                }
            }
        });
    });
}
