//! Applying the commands panels pushed during a frame: the only place the
//! session, the corpus and the selection change in response to the UI.

use wirescope_core::DocIx;
use wirescope_core::loader::Input;
use wirescope_core::session::AnalysisTab;

use super::guard::Discarding;
use super::{Command, OpenMode, PickKind, WirescopeApp, corpus_name, kwic, table, workspace};

impl WirescopeApp {
    /// Applies every queued command.
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = self.commands.drain();
        if !commands.is_empty() {
            // The frame was drawn before these took effect: draw again.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, ctx);
        }
    }

    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            // A dropped or picked workspace file opens as a workspace (and
            // asks first if the session has unsaved changes).
            Command::OpenPaths { mut paths, .. }
                if paths.len() == 1 && workspace::is_workspace_file(&paths[0]) =>
            {
                self.apply(Command::OpenWorkspace(paths.remove(0)), ctx);
            }
            // A file that cannot be opened is reported before anything
            // asks to discard the session.
            Command::OpenWorkspace(path) => match wirescope_core::workspace::Workspace::open(&path)
            {
                Ok(_) => self.request(Discarding::OpenWorkspace(path), ctx),
                Err(err) => self.ui.message = Some(format!("Could not open the workspace: {err}")),
            },
            Command::NewWorkspace => self.request(Discarding::NewWorkspace, ctx),
            Command::AnswerUnsaved(answer) => self.answer(answer, ctx),
            Command::AnswerRecovery(choice) => self.answer_recovery(choice, ctx),
            Command::Reroot(folder) => self.reroot_sources(&folder, ctx),
            Command::PickCancelled(kind) => {
                if let Some(hint) = self.dialogs.empty_answer_hint() {
                    self.ui.message = Some(hint.to_owned());
                }
                if kind == PickKind::SaveWorkspace {
                    self.saved_as(false, ctx);
                }
            }
            Command::SaveWorkspace => match self.workspace.path.clone() {
                Some(path) => {
                    self.save_workspace(&path);
                }
                None => self
                    .dialogs
                    .open(PickKind::SaveWorkspace, OpenMode::Add, ctx, None),
            },
            Command::SaveWorkspaceAs(path) => {
                let ok = self.save_workspace(&path);
                self.saved_as(ok, ctx);
            }
            Command::OpenPaths { paths, mode } => {
                if mode == OpenMode::Replace {
                    self.corpus_name = corpus_name(&paths);
                }
                self.start_load(paths.into_iter().map(Input::Path).collect(), mode, ctx);
            }
            Command::Pick { kind, mode } => self.dialogs.open(kind, mode, ctx, None),
            Command::CancelLoad => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Command::SelectDoc(doc) => self.select(doc),
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SetQuery(query) => {
                self.ui.query_edit.clone_from(&query);
                // A collocate belongs to the query it was found for.
                if query != self.session.search.query {
                    self.session.kwic.near = None;
                }
                self.session.search.query = query;
                self.session.reader.current_hit = 0;
                // The reader turns to the first hit when the hits arrive.
            }
            Command::SortBy(column) => {
                let table = &mut self.session.table;
                table.descending = table.sort == column && !table.descending;
                table.sort = column;
            }
            Command::StepHit(delta) => self.step_hit(delta),
            Command::ExportTableCsv(path) => {
                self.ui.message = Some(
                    match table::export_csv(&path, &self.corpus, &self.overlay, &self.derived.rows)
                    {
                        Ok(n) => format!("Exported {n} rows to {}", path.display()),
                        Err(err) => format!("Could not export to {}: {err}", path.display()),
                    },
                );
            }
            Command::OpenKwicLine(row) => self.open_kwic_line(row),
            Command::ShowNear(near) => {
                if near.is_some() {
                    self.session.panels.tab = AnalysisTab::Concordance;
                    self.session.panels.analysis = true;
                }
                self.session.kwic.near = near;
                self.session.kwic.selected_line = None;
            }
            Command::ExportChart(path, format) => self.export_chart(&path, format),
            Command::ExportKwicCsv(path) => self.export_kwic(&path),
            Command::ExportListCsv(path, tab) => self.export_list(&path, tab),
            Command::ShowReport => self.ui.show_report = true,
            // Corrections, exclusions and tags (`tag:` queries) change what
            // the table, counts and searches see; notes only what is saved.
            Command::Correct(key, correction) => {
                self.overlay.set_correction(key, correction);
                self.overlay_changed();
            }
            Command::SetExcluded(key, excluded) => {
                self.overlay.set_excluded(key, excluded);
                self.overlay_changed();
            }
            Command::SetTags(key, tags) => {
                self.overlay.set_tags(key, tags);
                self.overlay_changed();
            }
            Command::SetNote(key, note) => self.overlay.set_note(key, note),
            Command::SetWorkspaceNote(note) => self.workspace.note = note,
            Command::Quit => self.request(Discarding::Quit, ctx),
        }
    }

    pub(super) fn select(&mut self, doc: DocIx) {
        if (doc as usize) < self.corpus.len() {
            self.session.reader.doc = Some(self.corpus.doc(doc).key.clone());
            self.session.reader.current_hit = 0;
            self.session.reader.char_offset = 0;
            self.ui.reader_page = 0;
            self.ui.scroll_reader_to_hit = true;
        }
    }

    pub(super) fn open_kwic_line(&mut self, row: usize) {
        let Some(hit) = kwic::hit_at(self, row) else {
            return;
        };
        self.select(hit.doc);
        let in_doc = self.derived.search.hits.in_doc(hit.doc);
        self.session.reader.current_hit = in_doc.iter().position(|h| *h == hit).unwrap_or(0);
        self.session.kwic.selected_line = Some(row);
        self.ui.scroll_reader_to_hit = true;
    }

    pub(super) fn export_kwic(&mut self, path: &std::path::Path) {
        let hits: Vec<_> = (0..self.ui.kwic.order.len())
            .filter_map(|row| kwic::hit_at(self, row))
            .collect();
        let concordance = wirescope_core::query::Concordance::new(&self.corpus);
        let context = self.session.kwic.context();
        let mut bytes = Vec::new();
        let result = wirescope_core::query::write_csv(
            &concordance,
            &self.overlay,
            &hits,
            context,
            &mut bytes,
        )
        .map_err(|e| e.to_string())
        .and_then(|()| crate::atomic_write(path, &bytes).map_err(|e| e.to_string()));
        self.ui.message = Some(match result {
            Ok(()) => format!(
                "Exported {} concordance lines to {}",
                hits.len(),
                path.display()
            ),
            Err(err) => format!("Could not export to {}: {err}", path.display()),
        });
    }

    pub(super) fn move_selection(&mut self, delta: isize) {
        let rows = &self.derived.rows;
        if rows.is_empty() {
            return;
        }
        let current = self
            .selected_doc()
            .and_then(|d| rows.iter().position(|&r| r == d));
        let next = match current {
            Some(i) => i.saturating_add_signed(delta).min(rows.len() - 1),
            None => 0,
        };
        let doc = rows[next];
        self.select(doc);
        self.ui.scroll_table_to = Some(next);
    }

    pub(super) fn step_hit(&mut self, delta: isize) {
        let Some(doc) = self.selected_doc() else {
            return;
        };
        let count = self.derived.search.hits_in(doc).len();
        if count == 0 {
            return;
        }
        let current = self.session.reader.current_hit.min(count - 1);
        let next = (current as isize + delta).rem_euclid(count as isize) as usize;
        self.session.reader.current_hit = next;
        self.ui.scroll_reader_to_hit = true;
    }
}
