//! The trend chart: the frequency of the search term (and any added terms)
//! over real publication dates, bucketed by day, week, month or year, as
//! counts or per million words, optionally split by agency or outlet.
//! Documents without a date are counted and said.

use chrono::{Datelike, NaiveDate};
use egui_plot::{Legend, Line, Plot, PlotPoints};
use wirescope_core::freq::{self, Bucket, Split, Trend};
use wirescope_core::session::TrendSettings;

use super::WirescopeApp;
use super::search::SearchResult;

/// A computed trend and what it was computed from.
#[derive(Default)]
pub struct TrendCache {
    key: Option<(u64, usize, String, TrendSettings)>,
    pub trend: Trend,
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

/// Recomputes the trend when its inputs changed.
pub fn refresh(app: &mut WirescopeApp) {
    let terms = plotted_terms(app);
    let key = (
        app.generation(),
        app.derived.filtered.len(),
        terms.join("\u{1}"),
        app.session.trend.clone(),
    );
    if app.ui.trend.key.as_ref() == Some(&key) {
        return;
    }
    let results: Vec<SearchResult> = terms
        .iter()
        .map(|t| {
            if *t == app.derived.search.query {
                app.derived.search.clone()
            } else {
                SearchResult::run(
                    &app.corpus,
                    &app.overlay,
                    &app.session.filter,
                    t,
                    app.session.search.case_sensitive,
                )
            }
        })
        .collect();
    let counters: Vec<Box<dyn Fn(u32) -> u64 + '_>> = results
        .iter()
        .map(|r| Box::new(move |d| r.count_in(d)) as Box<dyn Fn(u32) -> u64>)
        .collect();
    let named: Vec<(String, &freq::HitCounter<'_>)> = terms
        .iter()
        .cloned()
        .zip(counters.iter().map(|c| c.as_ref() as &freq::HitCounter<'_>))
        .collect();
    let settings = &app.session.trend;
    let trend = freq::trend(
        &app.corpus,
        &app.overlay,
        &app.derived.filtered,
        &named,
        settings.bucket,
        settings.per_million,
        settings.split,
    );
    app.ui.trend = TrendCache {
        key: Some(key),
        trend,
    };
}

/// Draws the trend settings and chart.
pub fn trend_ui(ui: &mut egui::Ui, app: &mut WirescopeApp) {
    settings_ui(ui, app);
    refresh(app);
    let trend = &app.ui.trend.trend;
    if plotted_terms(app).is_empty() {
        ui.weak("Type a search term (or add one here) to see its frequency over time.");
        return;
    }
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

fn day_label(value: f64, bucket: Bucket) -> String {
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
        let response = ui.add(
            egui::TextEdit::singleline(&mut app.ui.trend_term_edit)
                .hint_text("add a term")
                .desired_width(100.0),
        );
        if response.lost_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
            && !app.ui.trend_term_edit.trim().is_empty()
        {
            settings
                .terms
                .push(app.ui.trend_term_edit.trim().to_owned());
            app.ui.trend_term_edit.clear();
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
