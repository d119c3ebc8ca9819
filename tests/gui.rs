//! GUI tests: drive the real app in egui_kittest (no GPU, no display).
//!
//! Loading runs on a background thread that keeps asking for repaints, so
//! these tests step frames until a condition holds instead of `run()`.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use egui_kittest::kittest::Queryable as _;
use wirescope::app::{Command, Dialogs, OpenMode, StartOptions, WirescopeApp};
use wirescope::core::session::SortColumn;

#[test]
fn starts_on_the_sample_with_its_headline_in_the_table() {
    let harness = sample_harness();
    let app = harness.state();
    assert_eq!(app.corpus.len(), 1);
    assert!(
        harness.query_all_by_label(SEED_TITLE).count() >= 1,
        "headline not shown"
    );
    assert!(
        harness
            .query_all_by_label_contains("1 documents · ")
            .next()
            .is_some()
    );
}

#[test]
fn selecting_a_row_shows_the_body_in_the_reader() {
    let mut harness = dev_harness();
    let app = harness.state();
    let target = app.table_rows()[3];
    let title = app.corpus.fields(target, &app.overlay).title.to_owned();
    let body_start: String = app.corpus.doc(target).body().chars().take(40).collect();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row label")
        .click();
    harness.step();
    harness.step();
    assert_eq!(harness.state().selected_doc(), Some(target));
    assert!(
        harness.query_by_label_contains(&body_start).is_some(),
        "reader does not show the body"
    );
}

/// The reader heading of a document with this headline (the table row
/// has the same label, further left).
fn reader_heading(
    harness: &egui_kittest::Harness<'static, WirescopeApp>,
    title: &str,
) -> egui::Rect {
    let rects = harness.get_all_by_label(title).map(|n| n.rect());
    rects
        .max_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("heading")
}

/// Clicks the table row with this headline.
fn click_row(harness: &mut egui_kittest::Harness<'static, WirescopeApp>, title: &str) {
    let row = harness
        .get_all_by_label(title)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("row label");
    row.click();
    harness.run();
}

/// A document opens at the top of the reader, also one that was scrolled
/// down before: egui keeps scroll offsets by widget id (across runs too,
/// where the same index may be another document).
#[test]
fn a_document_opens_at_the_top_of_the_reader() {
    let mut harness = dev_harness();
    let app = harness.state();
    let title = |ix| app.corpus.fields(ix, &app.overlay).title.to_owned();
    let (first, second) = (app.table_rows()[3], app.table_rows()[4]);
    let (title1, title2) = (title(first), title(second));
    let body_start: String = app.corpus.doc(first).body().chars().take(40).collect();
    click_row(&mut harness, &title1);
    let top = reader_heading(&harness, &title1).top();
    harness.get_by_label_contains(&body_start).scroll_down();
    harness.run();
    let scrolled = reader_heading(&harness, &title1).top();
    assert!(
        scrolled < top - 50.0,
        "the reader did not scroll: {top} {scrolled}"
    );
    click_row(&mut harness, &title2);
    click_row(&mut harness, &title1);
    assert_eq!(harness.state().selected_doc(), Some(first));
    assert_eq!(reader_heading(&harness, &title1).top(), top);
}

#[test]
fn typing_a_term_updates_highlights_and_charts() {
    let mut harness = sample_harness();
    // The search box is the first text field (Ctrl+F focuses it).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.step();
    harness.step();
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("search box")
        .type_text("Putin");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.step();
    let app = harness.state();
    assert_eq!(app.session.search.query, "Putin");
    let hits = app.search().total_hits();
    assert_eq!(
        hits, 5,
        "Putin occurs 5 times in the seed, headline included"
    );
    assert!(
        harness.query_by_label(&format!("1 of {hits}")).is_some(),
        "reader shows no hit counter"
    );
    assert_eq!(
        harness.state().ui.reader_drawn_hits as u64,
        hits,
        "every hit is highlighted in the reader, the headline's too"
    );
    harness.state_mut().session.panels.tab = wirescope::core::session::AnalysisTab::Trend;
    harness.step();
    harness.step();
    let trend = &harness.state().ui.trend.trend;
    assert_eq!(trend.series.len(), 1);
    let total: f64 = trend.series[0].points.iter().map(|p| p.1).sum();
    assert_eq!(total, 5.0);
}

#[test]
fn dropping_files_adds_documents() {
    let mut harness = sample_harness();
    let files: Vec<PathBuf> = std::fs::read_dir(dev_articles())
        .unwrap()
        .map(|e| e.unwrap().path())
        .take(5)
        .collect();
    drop_paths(&mut harness, &files);
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 6);
}

#[test]
fn a_dropped_mailbox_lists_its_messages_and_reads_their_headers() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("press.mbox");
    std::fs::write(
        &mbox,
        "From desk@example.org Sat Sep 26 10:15:00 2020\n\
         From: AFP <desk@example.org>\nSubject: Storm hits Seoul\nDate: Sat, 26 Sep 2020 10:15:00 +0000\n\n\
         SEOUL: A storm hit the capital on Saturday.\n\n\
         From jane@example.org Sun Sep 27 10:15:00 2020\n\
         From: Jane Roe <jane@example.org>\nSubject: Floods in Sindh\nDate: Sun, 27 Sep 2020 08:00:00 +0500\n\n\
         KARACHI: Floods displaced thousands.\n",
    )
    .unwrap();
    let mut harness = sample_harness();
    drop_paths(&mut harness, &[mbox]);
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 3);
    harness.get_by_label("Floods in Sindh").click();
    harness.step();
    harness.step();
    // The reader shows the message's From as its byline and its Date.
    assert!(
        harness.query_by_label("Jane Roe").is_some(),
        "byline not shown"
    );
    assert!(
        harness.query_by_label("27 September 2020").is_some(),
        "date not shown"
    );
    assert!(
        harness
            .query_all_by_label("Storm hits Seoul")
            .next()
            .is_some()
    );
}

#[test]
fn clicking_the_published_header_sorts_by_date() {
    let mut harness = dev_harness();
    // The table header comes first; the reader has a "Published" label too.
    harness
        .get_all_by_label("Published")
        .next()
        .unwrap()
        .click();
    harness.step();
    harness.step();
    let app = harness.state();
    assert_eq!(app.session.table.sort, SortColumn::Published);
    let dates: Vec<_> = app
        .table_rows()
        .iter()
        .map(|&d| app.corpus.fields(d, &app.overlay).published)
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "not ascending: {dates:?}"
    );
    harness.get_by_label("Published ▲").click();
    harness.step();
    harness.step();
    let app = harness.state();
    let dates: Vec<_> = app
        .table_rows()
        .iter()
        .map(|&d| app.corpus.fields(d, &app.overlay).published)
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "not descending: {dates:?}"
    );
}

#[test]
fn cancel_stops_a_load_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_da033187e5627a53.txt"))
            .unwrap();
    for i in 0..6000 {
        let mut text = seed.clone();
        text.extend_from_slice(format!("\n\nCopy {i}.").as_bytes());
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let mut harness = sample_harness();
    drop_paths(&mut harness, &[dir.path().to_path_buf()]);
    assert!(harness.state().is_loading());
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 1, "documents were added after Cancel");
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("cancelled")
    );
}

#[test]
fn a_skipped_file_appears_in_the_load_report() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let mut harness = sample_harness();
    drop_paths(&mut harness, std::slice::from_ref(&png));
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 1);
    harness.get_by_label("1 files skipped").click();
    harness.step();
    harness.step();
    harness.run();
    assert!(harness.state().ui.show_report);
    let shown: Vec<String> = harness
        .query_all_by_label_contains("photo")
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(
        harness
            .query_all_by_label(&png.display().to_string())
            .next()
            .is_some(),
        "report does not name the file: {shown:?}"
    );
    assert!(
        harness.query_by_label_contains("PNG image").is_some(),
        "report does not give the reason"
    );
    assert!(
        harness.query_by_label("skipped").is_some(),
        "report does not say what happened"
    );
}

#[test]
fn file_dialog_answers_become_loads() {
    let files: Vec<PathBuf> = std::fs::read_dir(dev_articles())
        .unwrap()
        .map(|e| e.unwrap().path())
        .take(3)
        .collect();
    let mut harness = harness_with(StartOptions {
        dialogs: Dialogs::scripted(vec![files]),
        ..StartOptions::sample()
    });
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "File")
        .click();
    harness.run();
    harness.get_by_label_contains("Add files").click();
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().corpus.len(), 4);
    let _ = OpenMode::Add;
}

#[test]
fn arrow_keys_move_the_selection() {
    let mut harness = dev_harness();
    let first = harness.state().table_rows()[0];
    let second = harness.state().table_rows()[1];
    assert_eq!(harness.state().selected_doc(), Some(first));
    harness.key_press(egui::Key::ArrowDown);
    harness.step();
    harness.step();
    assert_eq!(harness.state().selected_doc(), Some(second));
}

/// Searches for `query` and brings the concordance tab to the front.
fn show_concordance(harness: &mut egui_kittest::Harness<'static, WirescopeApp>, query: &str) {
    harness.state_mut().push(Command::SetQuery(query.into()));
    harness.state_mut().session.panels.tab = wirescope::core::session::AnalysisTab::Concordance;
    harness.run();
}

#[test]
fn clicking_a_concordance_line_jumps_the_reader_to_that_hit() {
    let mut harness = sample_harness();
    show_concordance(&mut harness, "Putin");
    let labels: Vec<String> = harness
        .query_all_by_label_contains("hits")
        .map(|n| format!("{n:?}").chars().take(200).collect::<String>())
        .collect();
    assert!(
        harness
            .query_all_by_label_contains("5 hits in 1 documents")
            .next()
            .is_some(),
        "{labels:?}"
    );
    // Lines are in document order: the third "Putin" is the third hit.
    assert_eq!(
        harness.get_all_by_label("Putin").count(),
        5,
        "one keyword label per line"
    );
    harness.get_all_by_label("Putin").nth(2).unwrap().click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.reader.current_hit, 2);
    assert_eq!(app.session.kwic.selected_line, Some(2));
    assert!(
        harness.query_by_label("3 of 5").is_some(),
        "reader is not at the third hit"
    );

    // Context in characters instead of words.
    harness.get_by_label("characters").click();
    harness.run();
    let app = harness.state();
    let hit = app.search().hits.hits[2];
    let line = wirescope::core::query::Concordance::new(&app.corpus)
        .line(hit, wirescope::core::query::Context::Chars(40));
    assert!(line.right.chars().count() <= 41, "{:?}", line.right);
    assert!(
        harness.query_by_label(&line.right).is_some(),
        "the right context is cut at 40 characters: {:?}",
        line.right
    );
}

#[test]
fn a_bad_query_is_explained_inline_and_help_shows_the_syntax() {
    let mut harness = sample_harness();
    harness
        .state_mut()
        .push(Command::SetQuery("putin date:2020-13".into()));
    harness.run();
    let error = harness.state().search().error.clone().expect("an error");
    assert!(error.contains('^'), "points at the problem: {error}");
    assert!(
        harness.query_by_label(&error).is_some(),
        "the error is shown beside the search box"
    );
    assert_eq!(harness.state().search().total_hits(), 0);
    harness.get_by_label("?").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("wildcards: * any run of letters")
            .next()
            .is_some(),
        "the syntax help is shown"
    );
}

#[test]
fn a_background_search_shows_the_latest_query_only() {
    let mut harness = dev_harness();
    // Search every corpus in the background, as a large one would be.
    harness.state_mut().set_inline_search_docs(0);
    harness.state_mut().push(Command::SetQuery("trump".into()));
    harness.step();
    harness.state_mut().push(Command::SetQuery("said".into()));
    harness.step();
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_searching() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_searching(), "the search did not finish");
    harness.run();
    let app = harness.state();
    assert_eq!(app.search().query, "said", "the older search is dropped");
    let expected = wirescope::core::query::search(
        &app.corpus,
        &app.overlay,
        &app.session.filter,
        &wirescope::core::query::Query::parse("said", Default::default()).unwrap(),
    );
    assert_eq!(app.search().total_hits(), expected.len() as u64);
    assert!(expected.len() > 5);
    assert!(
        harness
            .query_by_label(&format!("{} hits in", expected.len()))
            .is_some()
            || harness
                .query_all_by_label_contains(&format!("{} hits in", expected.len()))
                .next()
                .is_some()
    );
}

#[test]
fn the_chart_in_front_exports_as_png_and_svg() {
    use wirescope::app::ChartFormat;
    use wirescope::core::session::AnalysisTab;
    let dir = tempfile::tempdir().unwrap();
    let (png, svg) = (dir.path().join("top"), dir.path().join("trend.svg"));
    let trend_png = dir.path().join("trend.png");
    let mut harness = harness_with(start(
        vec![dev_articles()],
        vec![
            vec![png.clone()],
            vec![svg.clone()],
            vec![trend_png.clone()],
        ],
    ));
    harness.state_mut().session.panels.tab = AnalysisTab::Chart;
    harness.state_mut().push(Command::Pick {
        kind: wirescope::app::PickKind::ExportChart(ChartFormat::Png),
        mode: OpenMode::Add,
    });
    harness.run();
    let png = dir.path().join("top.png");
    let image = image::open(&png).expect("a PNG was written").to_rgb8();
    assert_eq!(image.dimensions(), (1200, 700));
    let bar = image::Rgb([0x00, 0x72, 0xb2]);
    let bar_pixels = image.pixels().filter(|p| **p == bar).count();
    assert!(bar_pixels > 10_000, "bars are drawn ({bar_pixels} px)");
    let dark = image
        .pixels()
        .filter(|p| p.0.iter().all(|&c| c < 0x60))
        .count();
    assert!(dark > 500, "text is drawn ({dark} px)");

    harness.state_mut().push(Command::SetQuery("trump".into()));
    harness.state_mut().session.panels.tab = AnalysisTab::Trend;
    harness.run();
    harness.state_mut().push(Command::Pick {
        kind: wirescope::app::PickKind::ExportChart(ChartFormat::Svg),
        mode: OpenMode::Add,
    });
    harness.run();
    let text = std::fs::read_to_string(&svg).expect("an SVG was written");
    assert!(text.starts_with("<svg"));
    assert!(text.contains(">trump</text>"), "the legend names the term");
    assert_eq!(text.matches("stroke-width=\"2\"").count(), 1, "one series");
    harness.state_mut().push(Command::Pick {
        kind: wirescope::app::PickKind::ExportChart(ChartFormat::Png),
        mode: OpenMode::Add,
    });
    harness.run();
    let lines = image::open(&trend_png).unwrap().to_rgb8();
    let series = lines.pixels().filter(|p| **p == bar).count();
    assert!(series > 200, "the series line is drawn ({series} px)");
    // To look at the files: WIRESCOPE_TEST_ARTIFACTS=DIR cargo test ...
    if let Some(out) = std::env::var_os("WIRESCOPE_TEST_ARTIFACTS") {
        std::fs::copy(&png, Path::new(&out).join("top-words.png")).unwrap();
        std::fs::copy(&svg, Path::new(&out).join("trend.svg")).unwrap();
        std::fs::copy(&trend_png, Path::new(&out).join("trend.png")).unwrap();
    }
}

/// The development set searched for `query`, with the analysis tab
/// labelled `tab` clicked to the front.
fn searched_on_tab(query: &str, tab: &str) -> egui_kittest::Harness<'static, WirescopeApp> {
    let mut harness = dev_harness();
    harness.state_mut().push(Command::SetQuery(query.into()));
    harness.run();
    harness.get_by_label(tab).click();
    harness.run();
    harness
}

#[test]
fn dispersion_lists_documents_by_hits_and_opens_one() {
    let mut harness = searched_on_tab("trump", "Dispersion");
    let app = harness.state();
    let mut per_doc: Vec<(u32, u32)> = app
        .search()
        .hits
        .per_doc
        .iter()
        .map(|d| (d.count, d.doc))
        .collect();
    per_doc.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (most, doc) = per_doc[0];
    let title = app.corpus.fields(doc, &app.overlay).title.to_owned();
    let label = format!("{most:>4} · {title}");
    // Strips are ordered by hits: the most first, the fewest last.
    let (least, last_doc) = *per_doc.last().unwrap();
    let last_label = format!(
        "{least:>4} · {}",
        app.corpus.fields(last_doc, &app.overlay).title
    );
    let order: Vec<String> = harness
        .query_all_by_label_contains(" · ")
        .map(|n| format!("{n:?}"))
        .collect();
    let at = |l: &str| {
        order
            .iter()
            .position(|n| n.contains(&format!("value: {l:?}")))
    };
    let (first, last) = (
        at(&label).expect("strip shown"),
        at(&last_label).expect("strip shown"),
    );
    assert!(first < last, "{order:?}");
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected_doc(), Some(doc));
}

#[test]
fn the_concordance_follows_a_filter_change_with_the_same_query() {
    let mut harness = dev_harness();
    show_concordance(&mut harness, "trump");
    let before = harness.state().search().total_hits();
    assert!(harness.query_all_by_label("Trump").count() > 0);
    // Only the golfing story: fewer hits, and the lines must follow.
    harness.state_mut().session.filter.text = "golfing".into();
    harness.run();
    let after = harness.state().search().total_hits();
    assert!(after < before && after > 0, "{before} -> {after}");
    assert!(
        harness
            .query_all_by_label_contains(&format!("{after} hits in 1 documents"))
            .next()
            .is_some()
    );
    let app = harness.state();
    let shown = app.ui.kwic.order.len() as u64;
    assert_eq!(shown, after, "concordance lines match the new hits");
}

/// A long article whose only "zebra" is near its end, searched in the
/// background; the reader must turn to the hit's page.
fn reader_turns_to_a_late_hit(filler_repeats: usize) {
    let dir = tempfile::tempdir().unwrap();
    let filler = "The committee met again on Tuesday and adjourned. ".repeat(filler_repeats);
    let text = format!("Long report\n\nBy Staff\n\n{filler}\n\nThe zebra escaped.\n");
    std::fs::write(dir.path().join("long.txt"), text).unwrap();
    let mut harness = harness_with(start(vec![dir.path().to_path_buf()], Vec::new()));
    harness.state_mut().set_inline_search_docs(0);
    harness.state_mut().push(Command::SetQuery("zebra".into()));
    for _ in 0..1000 {
        harness.step();
        if !harness.state().is_computing() && harness.state().search().total_hits() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    assert_eq!(harness.state().search().total_hits(), 1);
    assert!(
        harness.state().ui.reader_page > 0,
        "the reader stays on page 1 of a long document"
    );
    assert!(harness.query_by_label("1 of 1").is_some());
}

#[test]
fn the_reader_turns_to_the_page_of_a_hit_found_in_the_background() {
    reader_turns_to_a_late_hit(2_000);
}

#[test]
fn a_book_length_document_is_highlighted_in_the_background() {
    // About 1.5 MB: its hit ranges are computed on a worker thread.
    reader_turns_to_a_late_hit(30_000);
}

#[test]
fn f3_and_ctrl_q_reach_their_commands() {
    let mut harness = sample_harness();
    harness.state_mut().push(Command::SetQuery("Putin".into()));
    harness.run();
    harness.key_press(egui::Key::F3);
    harness.run();
    assert_eq!(
        harness.state().session.reader.current_hit,
        1,
        "F3: next hit"
    );
    assert!(harness.query_by_label("2 of 5").is_some());
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F3);
    harness.run();
    assert_eq!(
        harness.state().session.reader.current_hit,
        0,
        "Shift+F3: previous"
    );
    // The query is unsaved work: Ctrl+Q asks before quitting.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
}

#[test]
fn the_table_follows_the_query_when_limited_to_or_sorted_by_hits() {
    let mut harness = dev_harness();
    harness.state_mut().push(Command::SetQuery("trump".into()));
    harness.run();
    let all = harness.state().table_rows().len();
    harness.get_by_label("Only documents with hits").click();
    harness.run();
    let with_trump = harness.state().table_rows().len();
    assert_eq!(with_trump, harness.state().search().hits.per_doc.len());
    assert!(with_trump < all);
    // A new query changes the rows (no stale cache).
    harness.state_mut().push(Command::SetQuery("putin".into()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.table_rows().len(), app.search().hits.per_doc.len());
    assert_ne!(app.table_rows().len(), with_trump);

    // Sorted by hits, most first: the order follows each new query.
    harness.get_by_label("Only documents with hits").click();
    harness.state_mut().push(Command::SortBy(SortColumn::Hits));
    harness.state_mut().push(Command::SortBy(SortColumn::Hits));
    for query in ["trump", "putin"] {
        harness.state_mut().push(Command::SetQuery(query.into()));
        harness.run();
        let app = harness.state();
        let counts: Vec<u64> = app
            .table_rows()
            .iter()
            .map(|&d| app.search().count_in(d))
            .collect();
        let max = *counts.iter().max().unwrap();
        assert!(max > 0);
        assert_eq!(counts[0], max, "{query}: the most hits come first");
    }
}

#[test]
fn typing_a_term_in_the_trend_adds_a_line() {
    let mut harness = searched_on_tab("trump", "Trend");
    harness.get_by_label("add a term").click();
    harness.step();
    harness.get_by_label("add a term").type_text("Russia");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.run();
    assert_eq!(
        harness.state().session.trend.terms,
        vec!["Russia".to_owned()]
    );
    let labels: Vec<&str> = harness
        .state()
        .ui
        .trend
        .trend
        .series
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["trump", "Russia"]);
}

#[test]
fn a_large_corpus_counts_its_word_list_in_the_background() {
    let mut harness = dev_harness();
    // Count every corpus in the background, as a large one would be.
    harness.state_mut().set_inline_search_docs(0);
    harness.run();
    let whole = harness.state().word_list().total_tokens;
    // Only the golfing story: its words, once counted on a worker.
    harness.state_mut().session.filter.text = "golfing".into();
    let counted = harness.state().background_word_lists();
    harness.step();
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_computing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_computing(), "the count did not finish");
    harness.run();
    let app = harness.state();
    assert_eq!(app.background_word_lists(), counted + 1);
    let rows = app.table_rows().to_vec();
    assert_eq!(rows.len(), 1);
    let expected = wirescope::core::freq::word_list(&app.corpus, Some(&rows));
    let shown = app.word_list();
    assert!(
        shown.total_tokens < whole,
        "{} of {whole}",
        shown.total_tokens
    );
    assert_eq!(shown.total_tokens, expected.total_tokens);
    assert_eq!(
        shown.rows.first().map(|r| r.count),
        expected.rows.first().map(|r| r.count)
    );
}

#[test]
fn the_reader_corrects_fields_and_refuses_a_bad_date() {
    let mut harness = sample_harness();
    let key = harness.state().corpus.doc(0).key.clone();
    harness.get_by_label("Edit fields").click();
    harness.run();
    retype(&mut harness, "Agency", "Reuters");
    retype(&mut harness, "Outlet", "");
    retype(&mut harness, "Published", "26/09/2020");
    harness.get_by_label("Apply").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("\"26/09/2020\" is not a date")
            .is_some(),
        "a bad date is refused with the reason"
    );
    assert!(harness.state().overlay.correction(&key).is_none());

    retype(&mut harness, "Published", "2020-09-27");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let app = harness.state();
    let correction = app.overlay.correction(&key).expect("correction kept");
    assert_eq!(correction.agency.as_deref(), Some("Reuters"));
    assert_eq!(
        correction.published,
        chrono::NaiveDate::from_ymd_opt(2020, 9, 27)
    );
    assert_eq!(
        correction.title, None,
        "a field left as read is not corrected"
    );
    assert_eq!(correction.outlet, None, "the seed has no outlet to remove");
    // The table and the reader show the corrected fields; a filter on the
    // agency finds the document under its new name only.
    assert_eq!(harness.query_all_by_label("Reuters").count(), 2);
    assert_eq!(harness.query_all_by_label("2020-09-27").count(), 1);
    assert_eq!(
        harness.query_all_by_label("corrected").count(),
        2,
        "the reader marks the corrected fields"
    );
    harness
        .state_mut()
        .push(Command::SetQuery("agency:AFP".into()));
    harness.run();
    assert!(harness.state().search().hits.selected.is_empty());
    harness
        .state_mut()
        .push(Command::SetQuery("agency:Reuters".into()));
    harness.run();
    assert_eq!(harness.state().search().hits.selected, [0]);

    harness.get_by_label("Revert corrections").click();
    harness.run();
    assert!(harness.state().overlay.correction(&key).is_none());
    assert_eq!(harness.query_all_by_label("AFP").count(), 2);
    assert_eq!(harness.query_all_by_label("corrected").count(), 0);
}

#[test]
fn the_reader_excludes_tags_and_notes_a_document() {
    let mut harness = dev_harness();
    let loaded = harness.state().corpus.len();
    let doc = harness.state().table_rows()[0];
    harness.state_mut().push(Command::SelectDoc(doc));
    harness.run();
    let key = harness.state().corpus.doc(doc).key.clone();

    harness
        .state_mut()
        .push(Command::SetQuery("tag:reprint".into()));
    harness.run();
    assert!(harness.state().search().hits.selected.is_empty());
    retype(&mut harness, "Tags", "reprint, check date,reprint");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().search().hits.selected,
        [doc],
        "the tag query follows the new tags"
    );
    harness.state_mut().push(Command::SetQuery(String::new()));
    harness.run();
    retype(
        &mut harness,
        "Note on this document",
        "Compare with the TASS version",
    );
    let app = harness.state();
    assert_eq!(app.overlay.tags[&key], ["reprint", "check date"]);
    assert_eq!(app.overlay.notes[&key], "Compare with the TASS version");
    assert!(app.has_unsaved_changes());

    let tokens = harness.state().view_tokens();
    harness.get_by_label("Exclude").click();
    harness.run();
    let app = harness.state();
    assert!(app.overlay.is_excluded(&key));
    assert_eq!(app.table_rows().len(), loaded - 1);
    assert!(!app.table_rows().contains(&doc));
    assert!(app.view_tokens() < tokens, "counts leave it out");
    assert!(
        harness.query_by_label("Excluded from analyses").is_some(),
        "the reader still shows it, marked"
    );
    // The status bar lists the excluded documents, with a way back.
    harness.get_by_label("1 excluded").click();
    harness.run();
    assert!(harness.query_by_label("Excluded documents").is_some());
    harness.get_by_label("Include all again").click();
    harness.run();
    let app = harness.state();
    assert!(!app.overlay.is_excluded(&key));
    assert_eq!(app.table_rows().len(), loaded);
    assert_eq!(app.view_tokens(), tokens);
}

#[test]
fn the_workspace_note_is_written_from_the_file_menu() {
    let mut harness = sample_harness();
    click_menu(&mut harness, &["File", "Workspace note..."]);
    // The note has the cursor as soon as it opens.
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Workspace note")
        .type_text("Sample of week 1.");
    harness.run();
    assert_eq!(harness.state().workspace.note, "Sample of week 1.");
    retype(
        &mut harness,
        "Workspace note",
        "Sample of week 1.\nTwo outlets missing.",
    );
    assert_eq!(
        harness.state().workspace.note,
        "Sample of week 1.\nTwo outlets missing."
    );
    assert!(harness.state().has_unsaved_changes());
}

/// Texts painted turned (not level) in the last frame, with where each
/// starts.
fn turned_texts(
    harness: &egui_kittest::Harness<'static, WirescopeApp>,
) -> Vec<(String, egui::Pos2)> {
    fn collect(shape: &egui::Shape, out: &mut Vec<(String, egui::Pos2)>) {
        match shape {
            egui::Shape::Text(text) if text.angle != 0.0 => {
                out.push((text.galley.text().to_owned(), text.pos));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn the_top_words_chart_names_every_bar_and_a_click_searches_it() {
    let mut harness = searched_on_tab("", "Top words");
    let words = harness.state().chart_words();
    assert_eq!(words.len(), 20);
    // The y axis's name is turned too.
    let labels: Vec<_> = turned_texts(&harness)
        .into_iter()
        .filter(|(text, _)| text != "count")
        .collect();
    let named: Vec<&str> = labels.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(named, words, "each bar has its word, in rank order");
    // Left to right, as the bars stand.
    assert!(labels.windows(2).all(|w| w[0].1.x < w[1].1.x));
    // A click inside the first (tallest) bar, just above its word's start,
    // searches for the word.
    let (word, start) = labels[0].clone();
    let at = egui::pos2(start.x + 6.0, start.y - 20.0);
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(harness.state().session.search.query, word);
}

#[test]
fn the_status_and_the_word_list_count_the_documents_shown() {
    use wirescope::core::session::Scope;
    let mut harness = dev_harness();
    let all_tokens = harness.state().view_tokens();
    assert_eq!(harness.state().word_list().total_tokens, all_tokens);
    // Limited to the documents with hits, both count those rows only.
    harness.state_mut().push(Command::SetQuery("putin".into()));
    harness.run();
    harness.get_by_label("Only documents with hits").click();
    harness.run();
    let app = harness.state();
    let shown: u64 = app
        .table_rows()
        .iter()
        .map(|&d| app.corpus.word_count(d) as u64)
        .sum();
    assert!(shown < all_tokens);
    assert_eq!(app.view_tokens(), shown);
    assert_eq!(app.word_list().total_tokens, shown);
    assert!(
        harness
            .query_by_label_contains(&format!("· {shown} tokens ·"))
            .is_some(),
        "the status bar says so"
    );
    // Re-sorting the same rows counts nothing again.
    harness
        .state_mut()
        .push(Command::SortBy(SortColumn::Published));
    harness.run();
    assert_eq!(harness.state().view_tokens(), shown);

    // The whole corpus leaves an excluded document out.
    harness.get_by_label("Only documents with hits").click();
    harness.state_mut().session.freq.scope = Scope::Corpus;
    harness.run();
    assert_eq!(harness.state().word_list().total_tokens, all_tokens);
    let doc = harness.state().table_rows()[0];
    harness.state_mut().push(Command::SelectDoc(doc));
    harness.run();
    click_in_view(&mut harness, "Exclude");
    let app = harness.state();
    let left = all_tokens - app.corpus.word_count(doc) as u64;
    assert_eq!(app.word_list().total_tokens, left);
    assert_eq!(app.view_tokens(), left);
}

/// The words of the collocates table, best first.
fn collocate_words(harness: &egui_kittest::Harness<'static, WirescopeApp>) -> Vec<String> {
    let app = harness.state();
    let shown = app.ui.collocates.shown().expect("collocates counted");
    let vocab = app.corpus.vocab();
    shown
        .rows
        .iter()
        .map(|r| vocab.folded(r.word).to_owned())
        .collect()
}

#[test]
fn collocates_rank_words_near_the_hits_and_open_their_lines() {
    let mut harness = searched_on_tab("trump", "Collocates");
    // "golf" keeps company with Trump in the development articles; the
    // stopwords of the word list are hidden by default.
    let words = collocate_words(&harness);
    assert_eq!(words.first().map(String::as_str), Some("golf"), "{words:?}");
    assert!(!words.iter().any(|w| w == "his"));
    assert!(harness.query_all_by_label("golf").count() > 0);
    harness.get_by_label("hide stopwords").click();
    harness.run();
    assert!(collocate_words(&harness).iter().any(|w| w == "his"));
    harness.get_by_label("hide stopwords").click();
    harness.run();

    // Ranked by frequency instead: counts never increase down the table.
    harness.get_by_label("Rank by:").click();
    harness.run();
    harness.get_by_label("frequency").click();
    harness.run();
    let app = harness.state();
    let rows = &app.ui.collocates.shown().unwrap().rows;
    assert!(rows.windows(2).all(|w| w[0].freq() >= w[1].freq()));
    assert_eq!(
        app.session.collocates.options.measure,
        wirescope::core::query::Measure::Frequency
    );

    // Clicking a word shows the concordance lines with it in the window.
    let hits = app.search().hits.hits.clone();
    let golf = app.corpus.vocab().folded_id("golf").unwrap();
    let expected = hits
        .iter()
        .filter(|&&h| wirescope::core::query::is_near(&app.corpus, h, golf, 5, 5))
        .count();
    assert!(expected > 0 && expected < hits.len());
    harness.get_by_label("golf").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.session.panels.tab,
        wirescope::core::session::AnalysisTab::Concordance
    );
    assert_eq!(app.ui.kwic.order.len(), expected);
    let note = format!("{expected} lines with “golf” within 5 words before or 5 after the hit");
    assert!(harness.query_by_label(&note).is_some(), "{note}");
    harness.get_by_label("Show all lines").click();
    harness.run();
    assert_eq!(harness.state().ui.kwic.order.len(), hits.len());
    assert!(harness.state().session.kwic.near.is_none());
}

#[test]
fn collocates_follow_the_query_in_the_background_and_a_new_query_shows_all_lines() {
    let mut harness = dev_harness();
    // Every search and count runs on worker threads, as on large corpora.
    harness.state_mut().set_inline_search_docs(0);
    harness.state_mut().session.panels.tab = wirescope::core::session::AnalysisTab::Collocates;
    harness.state_mut().push(Command::SetQuery("prime".into()));
    settle_jobs(&mut harness);
    assert_eq!(
        collocate_words(&harness).first().map(String::as_str),
        Some("minister")
    );
    harness.get_by_label("minister").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .kwic
            .near
            .as_ref()
            .map(|n| n.word.as_str()),
        Some("minister")
    );
    harness.state_mut().push(Command::SetQuery("trump".into()));
    settle_jobs(&mut harness);
    assert!(harness.state().session.kwic.near.is_none());
    assert_eq!(
        harness.state().ui.kwic.order.len(),
        harness.state().search().hits.hits.len()
    );
}

#[test]
fn ngrams_count_the_word_lists_documents_and_search_a_phrase() {
    let mut harness = dev_harness();
    harness.get_by_label("N-grams").click();
    harness.run();
    let texts = |harness: &egui_kittest::Harness<'static, WirescopeApp>| {
        let app = harness.state();
        let list = app.ui.ngrams.shown().expect("n-grams counted");
        list.rows
            .iter()
            .map(|g| (g.text(&app.corpus), g.count))
            .collect::<Vec<_>>()
    };
    // Trigrams by default, without "of the ..." and "... in the".
    let shown = texts(&harness);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|(t, _)| t.split(' ').count() == 3));
    assert!(!shown.iter().any(|(t, _)| t.starts_with("the ")));
    harness
        .get_by_label("hide those starting or ending with a stopword")
        .click();
    harness.run();
    let all = texts(&harness);
    assert!(all.len() > shown.len());
    assert!(all.iter().any(|(t, _)| t.starts_with("the ")), "{all:?}");
    harness
        .get_by_label("hide those starting or ending with a stopword")
        .click();
    // Bigrams: "prime minister" is one; clicking it searches the phrase.
    harness.state_mut().session.ngrams.options.n = 2;
    harness.run();
    let bigrams = texts(&harness);
    let (_, count) = bigrams
        .iter()
        .find(|(t, _)| t == "prime minister")
        .cloned()
        .expect("prime minister counted");
    click_in_view(&mut harness, "prime minister");
    harness.run();
    assert_eq!(harness.state().session.search.query, "prime minister");
    assert_eq!(harness.state().search().total_hits() as u32, count);
    // The selected document only.
    harness.get_by_label("selected document").click();
    harness.run();
    let app = harness.state();
    let doc = app.selected_doc().expect("a document is selected");
    let tokens = app.corpus.word_count(doc) as u64;
    assert_eq!(app.ui.ngrams.shown().unwrap().total_tokens, tokens);
}

#[test]
fn keywords_compare_the_tables_documents_with_the_rest() {
    let mut harness = dev_harness();
    // The table limited to AFP's stories: a filters-only query.
    harness
        .state_mut()
        .push(Command::SetQuery("agency:AFP".into()));
    harness.run();
    harness.get_by_label("Only documents with hits").click();
    harness.run();
    harness.get_by_label("Keywords").click();
    harness.run();
    let afp = harness.state().table_rows().len();
    let total = harness.state().corpus.len();
    assert!(afp >= 3 && afp < total);
    // A query of filters only says how many documents it selects.
    let matched = format!("{afp} documents match");
    assert!(harness.query_by_label(&matched).is_some(), "{matched}");
    let words = |harness: &egui_kittest::Harness<'static, WirescopeApp>| {
        let app = harness.state();
        let found = app.ui.keywords.shown().expect("keywords counted");
        let vocab = app.corpus.vocab();
        let rows = found
            .rows
            .iter()
            .map(|k| (vocab.folded(k.word).to_owned(), k.log_likelihood))
            .collect::<Vec<_>>();
        (found.target_docs, found.reference_docs, rows)
    };
    let (target, reference, rows) = words(&harness);
    assert_eq!((target, reference), (afp, total - afp));
    let top: Vec<&str> = rows.iter().take(30).map(|(w, _)| w.as_str()).collect();
    assert!(top.contains(&"putin"), "{top:?}");
    assert!(rows.iter().all(|(_, ll)| *ll > 0.0));
    harness.get_by_label("used less").click();
    harness.run();
    let (_, _, less) = words(&harness);
    assert!(!less.is_empty() && less.iter().all(|(_, ll)| *ll < 0.0));
    harness.get_by_label("the whole corpus").click();
    harness.run();
    assert_eq!(words(&harness).1, total);
    harness.get_by_label("used more").click();
    harness.run();
    // A keyword is a click away from its hits.
    let first = words(&harness).2[0].0.clone();
    click_in_view(&mut harness, &first);
    harness.run();
    assert_eq!(harness.state().session.search.query, first);
}

#[test]
fn reprints_group_copies_of_a_story_and_open_one() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_da033187e5627a53.txt"),
    )
    .unwrap();
    let story: String = seed.lines().skip(6).collect::<Vec<_>>().join("\n");
    std::fs::write(
        dir.path().join("a.txt"),
        format!("First outlet's take\n\n{story}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("Second outlet's take\n\nShare\n\n{story}\n\nRead more\n"),
    )
    .unwrap();
    for f in copy_dev_articles(&dir.path().join("dev")) {
        assert!(f.exists());
    }
    let mut harness = harness_with(start(vec![dir.path().to_path_buf()], Vec::new()));
    harness.get_by_label("Reprints").click();
    harness.run();
    let found = harness
        .state()
        .ui
        .reprints
        .shown()
        .expect("stories found")
        .clone();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].docs.len(), 2);
    let total = harness.state().corpus.len();
    let summary =
        format!("1 stories published more than once · 2 of the table's {total} documents");
    assert!(harness.query_by_label(&summary).is_some(), "{summary}");
    harness.get_by_label_contains("2 copies").click();
    harness.run();
    let second = harness
        .state()
        .corpus
        .docs()
        .iter()
        .position(|d| d.key.path.ends_with("b.txt"))
        .unwrap() as u32;
    let first = found[0]
        .docs
        .iter()
        .copied()
        .find(|&d| d != second)
        .unwrap();
    harness.state_mut().push(Command::SelectDoc(first));
    harness.run();
    assert_eq!(harness.state().selected_doc(), Some(first));
    // The document table shows the headline too; the copies list comes
    // after it.
    harness
        .query_all_by_label("Second outlet's take")
        .last()
        .expect("the copy is listed")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_doc(), Some(second));
    // Documents shorter than the minimum length are not compared.
    harness.state_mut().session.reprints.min_words = 100_000;
    harness.run();
    assert!(harness.state().ui.reprints.shown().unwrap().is_empty());
}

#[test]
fn each_analysis_list_exports_as_csv() {
    use wirescope::core::session::AnalysisTab;
    let dir = tempfile::tempdir().unwrap();
    let tabs = [
        (
            AnalysisTab::Words,
            "Word list",
            "word,count,per_million,documents",
        ),
        (
            AnalysisTab::Collocates,
            "Collocates",
            "word,freq,left,right,corpus_freq,ll,mi,t,logdice",
        ),
        (
            AnalysisTab::Ngrams,
            "N-grams",
            "ngram,count,per_million,documents",
        ),
        (
            AnalysisTab::Keywords,
            "Keywords",
            "word,target,reference,target_per_million,reference_per_million,ll,log_ratio",
        ),
        (
            AnalysisTab::Reprints,
            "Reprints",
            "story,copies,path,record,published,agency,outlet,similarity,title",
        ),
    ];
    // The files are named without ".csv": the export adds it.
    let answers = tabs
        .iter()
        .map(|(tab, _, _)| vec![dir.path().join(format!("{tab:?}"))])
        .collect();
    // The development articles and two copies of one story.
    let copies = dir.path().join("copies");
    std::fs::create_dir(&copies).unwrap();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_da033187e5627a53.txt"),
    )
    .unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(copies.join(name), format!("Copy {name}\n\n{seed}")).unwrap();
    }
    let mut harness = harness_with(start(vec![dev_articles(), copies], answers));
    // A word for the collocates; for the keywords, a table of AFP's
    // stories; for the reprints, the whole table again.
    harness.state_mut().push(Command::SetQuery("trump".into()));
    harness.run();
    for (tab, label, header) in tabs {
        if tab == AnalysisTab::Keywords {
            harness
                .state_mut()
                .push(Command::SetQuery("agency:AFP".into()));
            harness.state_mut().session.search.only_docs_with_hits = true;
            harness.run();
        }
        if tab == AnalysisTab::Reprints {
            harness.state_mut().push(Command::SetQuery(String::new()));
            harness.run();
        }
        harness.get_by_label(label).click();
        harness.run();
        let expected = harness.state().list_table(tab).expect("a list to export");
        harness.get_by_label("Export as CSV...").click();
        harness.run();
        let path = dir.path().join(format!("{tab:?}.csv"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{tab:?}: {} not written: {e}", path.display()));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(header), "{tab:?}");
        assert!(!expected.rows.is_empty(), "{tab:?} has rows");
        assert_eq!(text.lines().count(), expected.rows.len() + 1, "{tab:?}");
        let message = harness.state().ui.message.clone().unwrap_or_default();
        assert!(
            message.contains(&format!("Exported {} rows", expected.rows.len())),
            "{message}"
        );
    }
}

#[test]
fn the_analysis_tabs_give_the_same_lists_from_the_background() {
    use wirescope::core::session::AnalysisTab;
    // Rows of each tab's list, counted on the UI thread (a small corpus)
    // or on workers (forced, as for a large one).
    let lists = |background: bool| {
        let mut harness = dev_harness();
        if background {
            harness.state_mut().set_inline_search_docs(0);
        }
        harness
            .state_mut()
            .push(Command::SetQuery("trump|putin".into()));
        settle_jobs(&mut harness);
        harness.state_mut().session.search.only_docs_with_hits = true;
        let mut out = Vec::new();
        for tab in [
            AnalysisTab::Collocates,
            AnalysisTab::Ngrams,
            AnalysisTab::Keywords,
            AnalysisTab::Reprints,
        ] {
            harness.state_mut().session.panels.tab = tab;
            for _ in 0..1000 {
                harness.step();
                if !harness.state().is_computing() && harness.state().list_table(tab).is_ok() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            out.push(harness.state().list_table(tab).expect("a list"));
        }
        out
    };
    let (inline, background) = (lists(false), lists(true));
    assert!(inline.iter().take(3).all(|t| !t.rows.is_empty()));
    assert_eq!(inline, background);
}

#[test]
fn a_smaller_window_keeps_room_for_the_reader_and_the_analysis() {
    let mut harness = dev_harness();
    harness
        .state_mut()
        .push(Command::SetQuery("president".into()));
    harness.run();
    harness.set_size(egui::vec2(1000.0, 650.0));
    harness.run();
    harness.run();
    let reader = harness.get_by_label("Reader").rect();
    let tab = harness.get_by_label("Word list").rect();
    let headline = harness.get_by_label("Headline").rect();
    // The table leaves the right side at least 300 px...
    assert!(reader.left() <= 1000.0 - 280.0, "reader at {reader:?}");
    assert!(headline.right() < reader.left());
    // ...and the analysis panel leaves the reader its header and a few
    // lines, below which its tabs start.
    assert!(tab.top() >= reader.bottom() + 100.0, "{reader:?} {tab:?}");
    assert!(tab.bottom() < 650.0);
}

/// The reader's metadata takes two columns when the reader is wide enough
/// (who, then when and where), and one in a narrow reader.
#[test]
fn the_reader_lays_out_its_fields_in_two_columns_when_wide() {
    let mut harness = dev_harness();
    let field = |harness: &egui_kittest::Harness<'static, WirescopeApp>, label: &str| {
        harness
            .get_all_by_label(label)
            .map(|n| n.rect())
            .max_by(|a, b| a.left().total_cmp(&b.left()))
            .expect("field label")
    };
    let (byline, published) = (field(&harness, "Byline"), field(&harness, "Published"));
    assert!(
        (byline.top() - published.top()).abs() < 1.0,
        "{byline:?} {published:?}"
    );
    assert!(published.left() > byline.right() + 100.0);
    harness.set_size(egui::vec2(760.0, 650.0));
    harness.run();
    harness.run();
    let (byline, published) = (field(&harness, "Byline"), field(&harness, "Published"));
    assert!(
        published.top() > byline.top() + 40.0,
        "{byline:?} {published:?}"
    );
    assert!((published.left() - byline.left()).abs() < 1.0);
}
