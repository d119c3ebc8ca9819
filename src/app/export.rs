//! Exporting the chart in front (top words or trend) as SVG or PNG.
//!
//! Both are drawn from the chart's data through one layout
//! ([`wirescope_core::chart::Figure`]): SVG is written as text, PNG is
//! rasterized here with `vello_cpu` (egui's own CPU rasterizer, already
//! built) and glyph outlines from `skrifa`, so the files look alike and do
//! not depend on the window's size or theme.

use std::path::Path;

use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use vello_cpu::kurbo::{self, Affine, BezPath};
use vello_cpu::{Pixmap, RenderContext, Resources, color};
use wirescope_core::chart::{self, Anchor, Figure, Mark, Rgb};
use wirescope_core::session::AnalysisTab;

use super::WirescopeApp;

/// Exported image size in pixels.
pub const SIZE: (f32, f32) = (1200.0, 700.0);

/// Which file format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
}

impl ChartFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }
}

impl WirescopeApp {
    /// The chart of the analysis tab in front, laid out for export.
    pub fn chart_figure(&mut self) -> Result<Figure, String> {
        match self.session.panels.tab {
            AnalysisTab::Chart => {
                let rows = super::words::visible_rows(self, self.session.freq.top_n);
                if rows.is_empty() {
                    return Err("there are no words to chart".to_owned());
                }
                let bars: Vec<(String, f64)> =
                    rows.iter().map(|r| (r.0.clone(), r.1 as f64)).collect();
                let title = format!("Top {} words · {}", bars.len(), self.corpus_name);
                Ok(chart::bar_chart(&title, "count", &bars, SIZE))
            }
            AnalysisTab::Trend => {
                super::trend::refresh(self);
                if self.ui.trend.is_busy() {
                    return Err("the trend chart is still being computed; try again".to_owned());
                }
                let trend = &self.ui.trend.trend;
                if trend.series.is_empty() {
                    return Err("the trend chart has no terms".to_owned());
                }
                let series: Vec<chart::Series> = trend
                    .series
                    .iter()
                    .map(|s| chart::Series {
                        name: s.label.clone(),
                        points: s
                            .points
                            .iter()
                            .map(|(d, v)| (f64::from(chrono::Datelike::num_days_from_ce(d)), *v))
                            .collect(),
                    })
                    .collect();
                let settings = &self.session.trend;
                let y = if settings.per_million {
                    "per million words"
                } else {
                    "hits"
                };
                let bucket = settings.bucket;
                let title = format!("Trend by {bucket:?} · {}", self.corpus_name).to_lowercase();
                let label = move |x: f64| super::trend::day_label(x, bucket);
                Ok(chart::line_chart(&title, y, &series, &label, SIZE))
            }
            _ => Err("show the Top words or Trend tab to export its chart".to_owned()),
        }
    }

    /// Writes the chart in front to `path`; the status bar says how it went.
    pub fn export_chart(&mut self, path: &Path, format: ChartFormat) {
        let result = self.chart_figure().and_then(|fig| {
            let bytes = match format {
                ChartFormat::Svg => fig.to_svg().into_bytes(),
                ChartFormat::Png => render_png(&fig)?,
            };
            wirescope_core::atomic::write_atomic(path, &bytes).map_err(|e| e.to_string())
        });
        self.ui.message = Some(match result {
            Ok(()) => format!("Exported the chart to {}", path.display()),
            Err(err) => format!("Could not export the chart to {}: {err}", path.display()),
        });
    }
}

/// Rasterizes a figure to PNG bytes.
pub fn render_png(fig: &Figure) -> Result<Vec<u8>, String> {
    let (w, h) = (fig.width.round() as u16, fig.height.round() as u16);
    let fonts = Fonts::load();
    let mut ctx = RenderContext::new(w, h);
    for mark in &fig.marks {
        match mark {
            Mark::Rect { x, y, w, h, fill } => {
                ctx.set_paint(paint(*fill));
                let (x, y) = (f64::from(*x), f64::from(*y));
                ctx.fill_rect(&kurbo::Rect::new(
                    x,
                    y,
                    x + f64::from(*w),
                    y + f64::from(*h),
                ));
            }
            Mark::Line {
                points,
                stroke,
                width,
            } => {
                let mut path = BezPath::new();
                for (i, &(x, y)) in points.iter().enumerate() {
                    let p = (f64::from(x), f64::from(y));
                    if i == 0 {
                        path.move_to(p);
                    } else {
                        path.line_to(p);
                    }
                }
                ctx.set_paint(paint(*stroke));
                ctx.set_stroke(kurbo::Stroke::new(f64::from(*width)));
                ctx.stroke_path(&path);
            }
            Mark::Text { .. } => {
                if let Some(path) = fonts.text_path(mark) {
                    let Mark::Text { fill, .. } = mark else {
                        continue;
                    };
                    ctx.set_paint(paint(*fill));
                    ctx.fill_path(&path);
                }
            }
        }
    }
    let mut pixmap = Pixmap::new(w, h);
    ctx.flush();
    ctx.render(&mut pixmap, &mut Resources::new());
    pixmap.into_png().map_err(|e| e.to_string())
}

fn paint(c: Rgb) -> color::AlphaColor<color::Srgb> {
    color::AlphaColor::from_rgba8(c.0, c.1, c.2, 255)
}

/// Font files for text in exported charts: egui's built-in fonts, then
/// the system fallbacks the window uses (for Arabic, CJK...).
struct Fonts {
    faces: Vec<Vec<u8>>,
}

impl Fonts {
    fn load() -> Self {
        let (files, others): (Vec<&str>, Vec<&str>) = super::fonts::fallback_files()
            .into_iter()
            .partition(|p| p.contains("DejaVuSans"));
        let read = |p: &&str| std::fs::read(p).ok();
        // DejaVu Sans (regular weight) reads better in print than egui's
        // light default; egui's fonts are there when it is not installed.
        let mut faces: Vec<Vec<u8>> = files.iter().filter_map(read).collect();
        let defs = egui::FontDefinitions::default();
        faces.extend(
            defs.families
                .get(&egui::FontFamily::Proportional)
                .into_iter()
                .flatten()
                .filter_map(|name| defs.font_data.get(name))
                .map(|data| (*data.font).as_ref().to_vec()),
        );
        faces.extend(others.iter().filter_map(read));
        Self { faces }
    }

    /// The outlines of a text mark, placed by its anchor.
    fn text_path(&self, mark: &Mark) -> Option<BezPath> {
        let Mark::Text {
            x,
            y,
            text,
            size,
            anchor,
            vertical,
            ..
        } = mark
        else {
            return None;
        };
        let fonts: Vec<skrifa::FontRef<'_>> = self
            .faces
            .iter()
            .filter_map(|bytes| skrifa::FontRef::new(bytes).ok())
            .collect();
        let size = Size::new(*size);
        let mut pen = Pen::default();
        let mut advance = 0.0f32;
        for ch in text.chars() {
            let Some((font, glyph)) = fonts
                .iter()
                .find_map(|f| f.charmap().map(ch).map(|g| (f, g)))
            else {
                continue;
            };
            pen.offset = advance;
            if let Some(outline) = font.outline_glyphs().get(glyph) {
                let settings = DrawSettings::unhinted(size, LocationRef::default());
                let _ = outline.draw(settings, &mut pen);
            }
            let metrics = font.glyph_metrics(size, LocationRef::default());
            advance += metrics.advance_width(glyph).unwrap_or(0.0);
        }
        let shift = match anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -advance / 2.0,
            Anchor::End => -advance,
        };
        let place = Affine::translate((f64::from(shift), 0.0));
        let turn = if *vertical {
            Affine::rotate(-std::f64::consts::FRAC_PI_2)
        } else {
            Affine::IDENTITY
        };
        let at = Affine::translate((f64::from(*x), f64::from(*y)));
        Some((at * turn * place) * pen.path)
    }
}

/// Collects glyph outlines into one path, flipping y (fonts point up).
#[derive(Default)]
struct Pen {
    path: BezPath,
    offset: f32,
}

impl Pen {
    fn p(&self, x: f32, y: f32) -> (f64, f64) {
        (f64::from(x + self.offset), f64::from(-y))
    }
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.p(x, y);
        self.path.move_to(p);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.p(x, y);
        self.path.line_to(p);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let (c, p) = (self.p(cx0, cy0), self.p(x, y));
        self.path.quad_to(c, p);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let (c0, c1, p) = (self.p(cx0, cy0), self.p(cx1, cy1), self.p(x, y));
        self.path.curve_to(c0, c1, p);
    }
    fn close(&mut self) {
        self.path.close_path();
    }
}
