//! The trend chart: the frequency of the search term (and any added terms)
//! over real publication dates, bucketed by day, week, month or year, as
//! counts or per million words, optionally split by agency or outlet.
//! Documents without a date are counted and said.

use chrono::{Datelike, NaiveDate};
use egui_plot::{Legend, Line, Plot, PlotPoints};
use wirescope_core::freq::{self, Bucket, Split, Trend};
use wirescope_core::session::TrendSettings;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use wirescope_core::{Corpus, DocIx, Filter, Overlay};

use super::WirescopeApp;
use super::background::{Job, Poll};
use super::search::SearchResult;

/// What a trend is computed from.
type TrendKey = (u64, usize, String, TrendSettings);

/// A computed trend and what it was computed from. Over large corpora the
/// computation runs on a worker thread and the previous trend stays on
/// screen until the new one is ready.
#[derive(Default)]
pub struct TrendCache {
    key: Option<TrendKey>,
    pub trend: Trend,
    job: Option<TrendJob>,
}

type TrendJob = Job<TrendKey, Trend>;

impl TrendCache {
    /// True while a trend is computed in the background.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }
}

/// The terms plotted: the current query first, then the added terms.
pub fn plotted_terms(app: &WirescopeApp) -> Vec<String> {
    let mut terms = Vec::new();
    if app.derived.search.is_active() {
        terms.push(app.derived.search.query.clone());
    }
    for t in &app.session.trend.terms {
        if !terms.contains(t) {
            terms.push(t.clone());
        }
    }
    terms
}

/// Everything a trend computation needs, owned so it can move to a thread.
struct TrendInput {
    corpus: Corpus,
    overlay: Overlay,
    filter: Filter,
    filtered: Vec<DocIx>,
    terms: Vec<String>,
    current: Arc<SearchResult>,
    settings: TrendSettings,
    case_sensitive: bool,
}

impl TrendInput {
    /// Searches the added terms (the current query's hits are reused) and
    /// buckets the hits; `None` when cancelled.
    fn compute(&self, cancel: &AtomicBool) -> Option<Trend> {
        let mut results = Vec::with_capacity(self.terms.len());
        for term in &self.terms {
            results.push(if *term == self.current.query {
                Arc::clone(&self.current)
            } else {
                Arc::new(SearchResult::run_cancellable(
                    &self.corpus,
                    &self.overlay,
                    &self.filter,
                    term,
                    self.case_sensitive,
                    cancel,
                )?)
            });
        }
        let counters: Vec<Box<dyn Fn(u32) -> u64 + '_>> = results
            .iter()
            .map(|r| Box::new(move |d| r.count_in(d)) as Box<dyn Fn(u32) -> u64>)
            .collect();
        let named: Vec<(String, &freq::HitCounter<'_>)> = self
            .terms
            .iter()
            .cloned()
            .zip(counters.iter().map(|c| c.as_ref() as &freq::HitCounter<'_>))
            .collect();
        let settings = &self.settings;
        Some(freq::trend(
            &self.corpus,
            &self.overlay,
            &self.filtered,
            &named,
            settings.bucket,
            settings.per_million,
            settings.split,
        ))
    }
}

/// Brings the trend up to date with the query, terms and settings.
pub fn refresh(app: &mut WirescopeApp) {
    let terms = plotted_terms(app);
    let key = (
        app.generation(),
        app.derived.filtered.len(),
        terms.join("\u{1}"),
        app.session.trend.clone(),
    );
    let cache = &mut app.ui.trend;
    if let Some(job) = &cache.job {
        match job.poll() {
            Poll::Done(trend) => {
                cache.key = Some(job.key().clone());
                cache.trend = trend;
                cache.job = None;
            }
            Poll::Lost => cache.job = None,
            Poll::Pending => {}
        }
    }
    if cache.key.as_ref() == Some(&key) {
        cache.job = None;
        return;
    }
    if cache.job.as_ref().is_some_and(|j| *j.key() == key) {
        return;
    }
    let input = TrendInput {
        corpus: app.corpus.clone(),
        overlay: app.overlay.clone(),
        filter: app.session.filter.clone(),
        filtered: app.derived.filtered.clone(),
        terms,
        current: Arc::clone(&app.derived.search),
        settings: app.session.trend.clone(),
        case_sensitive: app.session.search.case_sensitive,
    };
    let background = app.corpus.len() > app.derived.inline_limit();
    let cache = &mut app.ui.trend;
    if !background {
        let never = AtomicBool::new(false);
        cache.trend = input.compute(&never).unwrap_or_default();
        cache.key = Some(key);
        cache.job = None;
        return;
    }
    let waker = app.derived.waker.clone();
    app.ui.trend.job = Job::spawn("wirescope-trend", key, waker, move |cancel| {
        input.compute(cancel)
    });
}

/// Draws the trend settings and chart.
pub fn trend_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    settings_ui(ui, app);
    if plotted_terms(app).is_empty() {
        ui.weak("Type a search term (or add one here) to see its frequency over time.");
        return;
    }
    refresh(app);
    if app.ui.trend.is_busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak("updating the chart…");
        });
    }
    let trend = &app.ui.trend.trend;
    if trend.undated_docs > 0 {
        ui.weak(format!(
            "{} document(s) without a publication date are not plotted ({} hit(s) in them).",
            trend.undated_docs, trend.undated_hits
        ));
    }
    let bucket = app.session.trend.bucket;
    Plot::new("trend")
        .legend(Legend::default())
        .x_axis_formatter(move |mark, _| day_label(mark.value, bucket))
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {:.1}",
                day_label(position.x, Bucket::Day),
                position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .y_axis_label(if app.session.trend.per_million {
            "per million words"
        } else {
            "hits"
        })
        .show(ui, |plot| {
            for series in &trend.series {
                let points: PlotPoints<'_> = series
                    .points
                    .iter()
                    .map(|(d, v)| [f64::from(Datelike::num_days_from_ce(d)), *v])
                    .collect();
                plot.line(Line::new(series.label.clone(), points));
            }
        });
}

pub(super) fn day_label(value: f64, bucket: Bucket) -> String {
    let Some(date) = NaiveDate::from_num_days_from_ce_opt(value.round() as i32) else {
        return String::new();
    };
    match bucket {
        Bucket::Year => date.format("%Y").to_string(),
        Bucket::Month => date.format("%b %Y").to_string(),
        Bucket::Week | Bucket::Day => date.format("%Y-%m-%d").to_string(),
    }
}

fn settings_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    let settings = &mut app.session.trend;
    ui.horizontal_wrapped(|ui| {
        ui.label("Bucket:");
        for (bucket, label) in [
            (Bucket::Day, "day"),
            (Bucket::Week, "week"),
            (Bucket::Month, "month"),
            (Bucket::Year, "year"),
        ] {
            ui.selectable_value(&mut settings.bucket, bucket, label);
        }
        ui.separator();
        ui.checkbox(&mut settings.per_million, "per million words");
        ui.separator();
        ui.label("Split by:");
        for (split, label) in [
            (Split::None, "none"),
            (Split::Agency, "agency"),
            (Split::Outlet, "outlet"),
        ] {
            ui.selectable_value(&mut settings.split, split, label);
        }
        ui.separator();
        if let Some(term) =
            super::widgets::entry_on_enter(ui, &mut app.ui.trend_term_edit, "add a term", 100.0)
        {
            settings.terms.push(term);
        }
        let mut remove = None;
        for (i, term) in settings.terms.iter().enumerate() {
            if ui
                .small_button(format!("{term} ✕"))
                .on_hover_text("Remove this term")
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            settings.terms.remove(i);
        }
    });
}
