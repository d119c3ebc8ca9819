//! Extracting article fields from saved pages (plain text and HTML).
//! TEMPORARY STUB written by the lead so the crate compiles; helper-1 replaces this file.
use crate::fields::ArticleFields;
pub struct ParsedArticle {
    pub fields: ArticleFields,
    pub body: String,
}
pub fn parse_plain(text: &str, _file_name: &str) -> ParsedArticle {
    ParsedArticle {
        fields: ArticleFields::default(),
        body: text.to_owned(),
    }
}
pub fn parse_html(html: &str, _file_name: &str) -> Result<ParsedArticle, String> {
    Ok(ParsedArticle {
        fields: ArticleFields::default(),
        body: html.to_owned(),
    })
}
pub fn normalize_agency(_s: &str) -> Option<&'static str> {
    None
}
pub fn parse_date(_s: &str) -> Option<chrono::NaiveDate> {
    None
}
