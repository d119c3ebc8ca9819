//! Exporting the list of an analysis tab (word list, collocates, n-grams,
//! keywords, reprints) as CSV: the rows the tab holds, in its order, with
//! the columns the CLI prints for the same analysis.

use std::path::Path;

use wirescope_core::freq::{self, ListView};
use wirescope_core::reprints::stories_table;
use wirescope_core::session::AnalysisTab;
use wirescope_core::table::Table;

use super::{Command, OpenMode, PickKind, WirescopeApp};

/// The file name offered for a tab's list.
pub fn list_name(tab: AnalysisTab) -> &'static str {
    match tab {
        AnalysisTab::Collocates => "collocates",
        AnalysisTab::Ngrams => "ngrams",
        AnalysisTab::Keywords => "keywords",
        AnalysisTab::Reprints => "reprints",
        _ => "word-list",
    }
}

/// "Export as CSV...": true when clicked (then [`ask_where`]).
pub fn export_button(ui: &mut egui::Ui) -> bool {
    ui.button("Export as CSV...").clicked()
}

/// Asks where to export the list of `tab`.
pub fn ask_where(app: &mut WirescopeApp, tab: AnalysisTab) {
    app.push(Command::Pick {
        kind: PickKind::ExportListCsv(tab),
        mode: OpenMode::Add,
    });
}

impl WirescopeApp {
    /// The list `tab` shows, as a table; an error says why there is none.
    pub fn list_table(&self, tab: AnalysisTab) -> Result<Table, String> {
        let corpus = &self.corpus;
        let pending = || format!("the {} are still being counted; try again", list_name(tab));
        match tab {
            AnalysisTab::Words => {
                let stop = super::words::stopwords_for(&self.session.freq);
                let view = ListView {
                    stopwords: stop.as_ref(),
                    min_len: self.session.freq.min_len,
                };
                let list = &self.derived.words;
                Ok(list.table(corpus, freq::visible(corpus, list, &view)))
            }
            AnalysisTab::Collocates => {
                let found = self.ui.collocates.shown().ok_or_else(pending)?;
                Ok(found.table(corpus, usize::MAX))
            }
            AnalysisTab::Ngrams => {
                let list = self.ui.ngrams.shown().ok_or_else(pending)?;
                Ok(list.table(corpus, usize::MAX))
            }
            AnalysisTab::Keywords => {
                let found = self.ui.keywords.shown().ok_or_else(pending)?;
                Ok(found.table(corpus, usize::MAX))
            }
            AnalysisTab::Reprints => {
                let stories = self.ui.reprints.shown().ok_or_else(pending)?;
                Ok(stories_table(corpus, &self.overlay, stories))
            }
            _ => Err("this tab has no list to export".to_owned()),
        }
    }

    /// Writes the list of `tab` to `path` as CSV, atomically; the status
    /// bar says how it went.
    pub(super) fn export_list(&mut self, path: &Path, tab: AnalysisTab) {
        let result = self.list_table(tab).and_then(|table| {
            let mut bytes = Vec::new();
            table
                .write_delimited(b',', &mut bytes)
                .map_err(|e| e.to_string())?;
            wirescope_core::atomic::write_atomic(path, &bytes).map_err(|e| e.to_string())?;
            Ok(table.rows.len())
        });
        self.ui.message = Some(match result {
            Ok(rows) => format!("Exported {rows} rows to {}", path.display()),
            Err(err) => format!("Could not export to {}: {err}", path.display()),
        });
    }
}
