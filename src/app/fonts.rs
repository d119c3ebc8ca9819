//! Font fallbacks so Arabic, Urdu and Chinese text shows real glyphs.
//!
//! egui's default fonts cover Latin, Greek and Cyrillic. For other scripts we
//! add system fonts that `scripts/setup.sh` installs (DejaVu for Arabic,
//! WenQuanYi Micro Hei for CJK) as fallbacks, in `App::new`, so the window
//! and the test harness (which does not run eframe's font provider) agree.

use std::sync::Arc;

/// Candidate font files, in fallback order.
const FALLBACKS: &[(&str, &[&str])] = &[
    (
        "dejavu",
        &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    ),
    (
        "cjk",
        &[
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        ],
    ),
    (
        "noto-arabic",
        &[
            "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
            "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        ],
    ),
];

/// The fallback font files present on this system, in fallback order.
pub fn fallback_files() -> Vec<&'static str> {
    FALLBACKS
        .iter()
        .filter_map(|(_, candidates)| {
            candidates
                .iter()
                .copied()
                .find(|p| std::path::Path::new(p).is_file())
        })
        .collect()
}

/// Adds every fallback font found on this system.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, candidates) in FALLBACKS {
        let Some(bytes) = candidates.iter().find_map(|p| std::fs::read(p).ok()) else {
            continue;
        };
        fonts.font_data.insert(
            (*name).to_owned(),
            Arc::new(egui::FontData::from_owned(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push((*name).to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
