//! Charts for export, drawn from the chart's data (not from the screen).
//!
//! A chart is laid out once into a [`Figure`]: a list of [`Mark`]s (filled
//! rectangles, polylines, text) in pixel coordinates, y pointing down.
//! [`Figure::to_svg`] writes it as SVG; the app rasterizes the same marks
//! to PNG, so both files show the same chart. Text is placed by anchor, not
//! by measured width, so no font is needed here.

use std::fmt::Write as _;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Self = Self(0x22, 0x22, 0x22);
    pub const GREY: Self = Self(0x88, 0x88, 0x88);
    pub const LIGHT: Self = Self(0xe4, 0xe4, 0xe4);
    pub const WHITE: Self = Self(0xff, 0xff, 0xff);

    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours of successive series (colour-blind safe, Okabe–Ito).
pub const PALETTE: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xb2),
    Rgb(0xd5, 0x5e, 0x00),
    Rgb(0x00, 0x9e, 0x73),
    Rgb(0xcc, 0x79, 0xa7),
    Rgb(0xe6, 0x9f, 0x00),
    Rgb(0x56, 0xb4, 0xe9),
    Rgb(0x00, 0x00, 0x00),
];

/// Where a text's position is, horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Line {
        points: Vec<(f32, f32)>,
        stroke: Rgb,
        width: f32,
    },
    /// `y` is the baseline; `vertical` text reads bottom to top.
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        anchor: Anchor,
        fill: Rgb,
        vertical: bool,
    },
}

/// A laid-out chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
}

/// A series of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// Margins around the plot area: left, top, right, bottom.
const MARGIN: (f32, f32, f32, f32) = (72.0, 48.0, 48.0, 64.0);
const TEXT: f32 = 13.0;

/// The plot area and the value ranges it shows.
struct Frame {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    fn new(width: f32, height: f32, x: (f64, f64), y: (f64, f64)) -> Self {
        Self::with_bottom(width, height, x, y, MARGIN.3)
    }

    fn with_bottom(width: f32, height: f32, x: (f64, f64), y: (f64, f64), b: f32) -> Self {
        let (l, t, r, _) = MARGIN;
        Self {
            left: l,
            top: t,
            right: (width - r).max(l + 1.0),
            bottom: (height - b).max(t + 1.0),
            x,
            y,
        }
    }

    fn px(&self, x: f64) -> f32 {
        let span = (self.x.1 - self.x.0).max(f64::EPSILON);
        self.left + ((x - self.x.0) / span) as f32 * (self.right - self.left)
    }

    fn py(&self, y: f64) -> f32 {
        let span = (self.y.1 - self.y.0).max(f64::EPSILON);
        self.bottom - ((y - self.y.0) / span) as f32 * (self.bottom - self.top)
    }
}

impl Figure {
    fn new(width: f32, height: f32, title: &str) -> Self {
        let mut fig = Self {
            width,
            height,
            marks: vec![Mark::Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h: height,
                fill: Rgb::WHITE,
            }],
        };
        fig.text(width / 2.0, 28.0, title, 16.0, Anchor::Middle, Rgb::BLACK);
        fig
    }

    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, anchor: Anchor, fill: Rgb) {
        self.marks.push(Mark::Text {
            x,
            y,
            text: text.to_owned(),
            size,
            anchor,
            fill,
            vertical: false,
        });
    }

    fn line(&mut self, points: Vec<(f32, f32)>, stroke: Rgb, width: f32) {
        self.marks.push(Mark::Line {
            points,
            stroke,
            width,
        });
    }

    /// Horizontal grid lines with their values, and the y-axis label.
    fn y_axis(&mut self, frame: &Frame, label: &str) {
        for tick in nice_ticks(frame.y.0, frame.y.1, 6) {
            let y = frame.py(tick);
            self.line(vec![(frame.left, y), (frame.right, y)], Rgb::LIGHT, 1.0);
            let text = format_value(tick);
            self.text(
                frame.left - 6.0,
                y + 4.0,
                &text,
                TEXT,
                Anchor::End,
                Rgb::BLACK,
            );
        }
        self.marks.push(Mark::Text {
            x: 16.0,
            y: (frame.top + frame.bottom) / 2.0,
            text: label.to_owned(),
            size: TEXT,
            anchor: Anchor::Middle,
            fill: Rgb::BLACK,
            vertical: true,
        });
        let axis = vec![(frame.left, frame.top), (frame.left, frame.bottom)];
        self.line(axis, Rgb::GREY, 1.0);
        let base = vec![(frame.left, frame.bottom), (frame.right, frame.bottom)];
        self.line(base, Rgb::GREY, 1.0);
    }

    /// The figure as a standalone SVG document.
    pub fn to_svg(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, Ubuntu, Arial, sans-serif">"#,
            w = self.width,
            h = self.height
        );
        for mark in &self.marks {
            write_mark(&mut out, mark);
        }
        out.push_str("</svg>\n");
        out
    }
}

fn write_mark(out: &mut String, mark: &Mark) {
    let _ = match mark {
        Mark::Rect { x, y, w, h, fill } => writeln!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{}"/>"#,
            fill.hex()
        ),
        Mark::Line {
            points,
            stroke,
            width,
        } => {
            let pts: Vec<String> = points
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            writeln!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linejoin="round"/>"#,
                pts.join(" "),
                stroke.hex()
            )
        }
        Mark::Text {
            x,
            y,
            text,
            size,
            anchor,
            fill,
            vertical,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let rotate = if *vertical {
                format!(r#" transform="rotate(-90 {x:.1} {y:.1})""#)
            } else {
                String::new()
            };
            writeln!(
                out,
                r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="{}"{rotate}>{}</text>"#,
                fill.hex(),
                escape(text)
            )
        }
    };
}

/// A bar chart: one bar per label, in the order given.
pub fn bar_chart(
    title: &str,
    y_label: &str,
    bars: &[(String, f64)],
    (width, height): (f32, f32),
) -> Figure {
    let mut fig = Figure::new(width, height, title);
    let max = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    let top = nice_ticks(0.0, max.max(1.0), 6)
        .last()
        .copied()
        .unwrap_or(1.0);
    let slots = bars.len().max(1) as f32;
    let vertical_labels = (width - MARGIN.0 - MARGIN.2) / slots < 60.0;
    // Room under the axis for labels read bottom to top (about 0.6 em a
    // character), at most a third of the figure.
    let longest = bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(0) as f32;
    let bottom = if vertical_labels {
        (18.0 + longest * 0.7 * TEXT).clamp(MARGIN.3, height / 3.0)
    } else {
        MARGIN.3
    };
    let frame = Frame::with_bottom(width, height, (0.0, f64::from(slots)), (0.0, top), bottom);
    fig.y_axis(&frame, y_label);
    let slot = (frame.right - frame.left) / slots;
    for (i, (label, value)) in bars.iter().enumerate() {
        let x = frame.px(i as f64) + slot * 0.15;
        let y = frame.py(*value);
        fig.marks.push(Mark::Rect {
            x,
            y,
            w: slot * 0.7,
            h: frame.bottom - y,
            fill: PALETTE[0],
        });
        let cx = x + slot * 0.35;
        fig.marks.push(Mark::Text {
            x: if vertical_labels { cx + 4.0 } else { cx },
            y: frame.bottom + if vertical_labels { 6.0 } else { 18.0 },
            text: label.clone(),
            size: TEXT,
            anchor: if vertical_labels {
                Anchor::End
            } else {
                Anchor::Middle
            },
            fill: Rgb::BLACK,
            vertical: vertical_labels,
        });
    }
    fig
}

/// A line chart of several series over a shared x axis; `x_label` turns
/// an x value into tick text (e.g. a day number into a date). Ticks sit
/// at the points' x values, so each names a bucket that is plotted.
pub fn line_chart(
    title: &str,
    y_label: &str,
    series: &[Series],
    x_label: &dyn Fn(f64) -> String,
    (width, height): (f32, f32),
) -> Figure {
    let mut fig = Figure::new(width, height, title);
    let points = || series.iter().flat_map(|s| s.points.iter());
    let (mut x0, mut x1) =
        points().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    if x0 > x1 {
        (x0, x1) = (0.0, 1.0);
    } else if x0 == x1 {
        (x0, x1) = (x0 - 1.0, x1 + 1.0);
    }
    let max = points().map(|p| p.1).fold(0.0, f64::max);
    let top = nice_ticks(0.0, max.max(1.0), 6)
        .last()
        .copied()
        .unwrap_or(1.0);
    let frame = Frame::new(width, height, (x0, x1), (0.0, top));
    fig.y_axis(&frame, y_label);
    for tick in x_ticks(series, 8) {
        let x = frame.px(tick);
        fig.line(
            vec![(x, frame.bottom), (x, frame.bottom + 4.0)],
            Rgb::GREY,
            1.0,
        );
        let text = x_label(tick);
        fig.text(
            x,
            frame.bottom + 18.0,
            &text,
            TEXT,
            Anchor::Middle,
            Rgb::BLACK,
        );
    }
    for (i, s) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let pts = s.points.iter().map(|&(x, y)| (frame.px(x), frame.py(y)));
        fig.line(pts.collect(), colour, 2.0);
        // Legend: one line per series under the plot.
        let lx = frame.left + 150.0 * i as f32;
        let ly = height - 16.0;
        fig.line(vec![(lx, ly - 4.0), (lx + 18.0, ly - 4.0)], colour, 3.0);
        fig.text(lx + 24.0, ly, &s.name, TEXT, Anchor::Start, Rgb::BLACK);
    }
    fig
}

/// Ticks at the series' own x values (bucket starts, for a trend), at
/// most about `max` of them, evenly thinned.
fn x_ticks(series: &[Series], max: usize) -> Vec<f64> {
    let mut xs: Vec<f64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let step = xs.len().div_ceil(max.max(1)).max(1);
    xs.into_iter().step_by(step).collect()
}

/// Round tick values (1, 2 or 5 times a power of ten) covering lo..=hi.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

fn format_value(v: f64) -> String {
    if v.fract().abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(fig: &Figure) -> Vec<&str> {
        fig.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 10.0, 5),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(nice_ticks(0.0, 37.0, 6), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
    }

    #[test]
    fn bars_are_as_tall_as_their_values() {
        let bars = vec![("putin".to_owned(), 10.0), ("pact".to_owned(), 5.0)];
        let fig = bar_chart("Top words", "count", &bars, (400.0, 300.0));
        let heights: Vec<f32> = fig
            .marks
            .iter()
            .skip(1)
            .filter_map(|m| match m {
                Mark::Rect { h, .. } => Some(*h),
                _ => None,
            })
            .collect();
        assert_eq!(heights.len(), 2);
        assert!((heights[0] - 2.0 * heights[1]).abs() < 0.01, "{heights:?}");
        assert!(texts(&fig).contains(&"putin"));
        let svg = fig.to_svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 3, "background and two bars");
    }

    #[test]
    fn line_charts_draw_one_polyline_per_series_with_a_legend() {
        let series = vec![
            Series {
                name: "putin".into(),
                points: vec![(0.0, 1.0), (1.0, 3.0), (2.0, 2.0)],
            },
            Series {
                name: "<pact> & co".into(),
                points: vec![(0.0, 0.0), (2.0, 4.0)],
            },
        ];
        let fig = line_chart(
            "Trend",
            "hits",
            &series,
            &|x| format!("d{x}"),
            (640.0, 400.0),
        );
        let svg = fig.to_svg();
        assert!(svg.contains("&lt;pact&gt; &amp; co"), "text is escaped");
        let plotted = fig
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Line { width, .. } if *width == 2.0))
            .count();
        assert_eq!(plotted, 2);
        assert!(texts(&fig).contains(&"d0"));
    }
}
