//! Walking a parsed HTML page into text segments and metadata.
//!
//! The walk is iterative (no recursion, so deeply nested or malformed pages
//! cannot overflow the stack) and records, for every run of text, the block
//! element that contains it, whether it is a `<p>`, whether it sits inside
//! `<article>` and whether it sits in page chrome (nav, header, footer,
//! aside, share bars...). The body is then chosen from these segments.

use tl::{HTMLTag, Node, NodeHandle, Parser, VDom};

use crate::article::html_meta::{Metas, text_of};

/// A run of text inside one block element.
#[derive(Debug, Default)]
pub(crate) struct Segment {
    pub text: String,
    /// Node id of the enclosing block element.
    pub container: u32,
    /// Node id of the block element around that one (groups sibling `<p>`s).
    pub parent: u32,
    pub is_p: bool,
    pub in_article: bool,
    pub chrome: bool,
    /// Inside a byline/author element.
    pub byline: bool,
}

/// Everything the walk collects.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    pub segments: Vec<Segment>,
    pub metas: Metas,
    pub title_tag: Option<String>,
    pub h1: Option<String>,
    /// `<time datetime>` values; `true` when marked as the publication time.
    pub times: Vec<(String, bool)>,
    pub byline: Option<String>,
    h1_id: Option<u32>,
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    container: u32,
    parent: u32,
    h1_id: u32,
    is_p: bool,
    in_article: bool,
    chrome: bool,
    in_h1: bool,
    in_byline: bool,
    in_title: bool,
}

enum Step {
    Visit(NodeHandle, Ctx),
    /// Leaving a block element: the next text starts a new segment.
    Boundary,
}

pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "td",
    "th",
    "tr",
    "table",
    "pre",
    "header",
    "footer",
    "nav",
    "aside",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "form",
    "br",
    "hr",
    "body",
    "title",
];
const CHROME_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "figure",
    "figcaption",
    "menu",
    "select",
    "label",
    "iframe",
    "dialog",
];
const CHROME_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "comments",
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "newsletter",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "popup",
    "modal",
    "masthead",
    "toolbar",
    "widget",
    "trending",
    "recommended",
    "outbrain",
    "taboola",
    "caption",
];
/// Parts of hyphenated class names that mark chrome ("article-share").
const CHROME_PARTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "advert",
    "ads",
    "promo",
    "newsletter",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "cookie",
];
const ARTICLE_TOKENS: &[&str] = &[
    "articlebody",
    "article-body",
    "story-body",
    "post-content",
    "entry-content",
    "article-content",
    "story-content",
];

fn attr(tag: &HTMLTag<'_>, key: &str) -> Option<String> {
    tag.attributes()
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| v.map(std::borrow::Cow::into_owned))
}

fn class_tokens(tag: &HTMLTag<'_>) -> Vec<String> {
    let mut s = attr(tag, "class").unwrap_or_default();
    s.push(' ');
    s.push_str(&attr(tag, "id").unwrap_or_default());
    s.to_lowercase()
        .split([' ', '\t', '\n'])
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_chrome(name: &str, tokens: &[String]) -> bool {
    CHROME_TAGS.contains(&name)
        || tokens.iter().any(|t| {
            CHROME_TOKENS.contains(&t.as_str())
                || t.split(['-', '_']).any(|p| CHROME_PARTS.contains(&p))
        })
}

fn child_ctx(tag: &HTMLTag<'_>, name: &str, handle: NodeHandle, ctx: Ctx) -> Ctx {
    let tokens = class_tokens(tag);
    let itemprop = attr(tag, "itemprop").unwrap_or_default().to_lowercase();
    let rel = attr(tag, "rel").unwrap_or_default().to_lowercase();
    let mut c = ctx;
    if BLOCKS.contains(&name) {
        // An unclosed <p> swallows the next one: keep them siblings.
        c.parent = if name == "p" && ctx.is_p {
            ctx.parent
        } else {
            ctx.container
        };
        c.container = handle.get_inner();
        c.is_p = name == "p";
    }
    c.in_article |= name == "article"
        || itemprop == "articlebody"
        || tokens.iter().any(|t| ARTICLE_TOKENS.contains(&t.as_str()));
    // The article's own header (headline, byline) is not chrome; the page's is.
    let article_like =
        matches!(name, "article" | "main" | "body") || c.in_article && !ctx.in_article;
    c.chrome |= is_chrome(name, &tokens) && !article_like && !(c.in_article && name == "header");
    if name == "h1" && !c.in_h1 {
        c.in_h1 = true;
        c.h1_id = handle.get_inner();
    }
    c.in_title |= name == "title";
    c.in_byline |= itemprop == "author"
        || rel == "author"
        || tokens.iter().any(|t| {
            t.contains("byline")
                || t == "author"
                || t.ends_with("-author")
                || t.starts_with("author-")
        });
    c
}

/// Records metadata carried by a tag itself (`<meta>`, `<time>`).
fn record_tag(tag: &HTMLTag<'_>, name: &str, walk: &mut Walk) {
    match name {
        "meta" => {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|k| attr(tag, k));
            if let (Some(key), Some(content)) = (key, attr(tag, "content")) {
                walk.metas.0.push((key.to_lowercase(), text_of(&content)));
            }
        }
        "time" => {
            if let Some(dt) = attr(tag, "datetime") {
                let marked = attr(tag, "itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || tag
                        .attributes()
                        .iter()
                        .any(|(k, _)| k.eq_ignore_ascii_case("pubdate"));
                walk.times.push((dt, marked));
            }
        }
        _ => {}
    }
}

fn push_text(raw: &str, ctx: Ctx, fresh: &mut bool, walk: &mut Walk) {
    let text = text_of(raw);
    if text.is_empty() {
        return;
    }
    if ctx.in_title {
        walk.title_tag
            .get_or_insert_with(String::new)
            .push_str(&text);
        return;
    }
    if ctx.in_h1 && *walk.h1_id.get_or_insert(ctx.h1_id) == ctx.h1_id {
        let h1 = walk.h1.get_or_insert_with(String::new);
        if !h1.is_empty() {
            h1.push(' ');
        }
        h1.push_str(&text);
    }
    if ctx.in_byline && walk.byline.as_ref().is_none_or(|b| b.len() < 200) {
        let b = walk.byline.get_or_insert_with(String::new);
        if !b.is_empty() {
            b.push(' ');
        }
        b.push_str(&text);
    }
    match walk.segments.last_mut() {
        Some(last) if !*fresh && last.container == ctx.container => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => walk.segments.push(Segment {
            text,
            container: ctx.container,
            parent: ctx.parent,
            is_p: ctx.is_p,
            in_article: ctx.in_article,
            chrome: ctx.chrome,
            byline: ctx.in_byline,
        }),
    }
    *fresh = false;
}

fn visit_tag(
    tag: &HTMLTag<'_>,
    handle: NodeHandle,
    ctx: Ctx,
    stack: &mut Vec<Step>,
    walk: &mut Walk,
) -> bool {
    let name = tag.name().as_utf8_str().to_lowercase();
    record_tag(tag, &name, walk);
    if matches!(
        name.as_str(),
        "script" | "style" | "noscript" | "template" | "svg" | "head" | "meta" | "link"
    ) {
        // `head` children other than <title> and <meta> carry no text.
        if name == "head" {
            push_children(tag, ctx, stack);
        }
        return false;
    }
    let block = BLOCKS.contains(&name.as_str());
    if block {
        stack.push(Step::Boundary);
    }
    push_children(tag, child_ctx(tag, &name, handle, ctx), stack);
    block
}

fn push_children(tag: &HTMLTag<'_>, ctx: Ctx, stack: &mut Vec<Step>) {
    let children = tag.children();
    for child in children.top().as_slice().iter().rev() {
        stack.push(Step::Visit(*child, ctx));
    }
}

/// Walks the whole document.
pub(crate) fn walk(dom: &VDom<'_>) -> Walk {
    let parser: &Parser<'_> = dom.parser();
    let mut walk = Walk::default();
    let mut stack: Vec<Step> = dom
        .children()
        .iter()
        .rev()
        .map(|h| Step::Visit(*h, Ctx::default()))
        .collect();
    let mut fresh = true;
    while let Some(step) = stack.pop() {
        let (handle, ctx) = match step {
            Step::Boundary => {
                fresh = true;
                continue;
            }
            Step::Visit(handle, ctx) => (handle, ctx),
        };
        match handle.get(parser) {
            Some(Node::Tag(tag)) => fresh |= visit_tag(tag, handle, ctx, &mut stack, &mut walk),
            Some(Node::Raw(raw)) => push_text(&raw.as_utf8_str(), ctx, &mut fresh, &mut walk),
            _ => {}
        }
    }
    walk
}
