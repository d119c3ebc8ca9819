//! Result tables (word lists, collocates, n-grams, keywords, reprints) as
//! rows of typed cells, written as TSV, CSV or JSON Lines: the CLI prints
//! them and the window exports them, so both give the same columns.

use std::io::{self, Write};

/// One value of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    /// A number written with this many decimals (JSON: rounded to them).
    Num(f64, usize),
    /// No value: an empty field, JSON `null`.
    Null,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x, decimals) => format!("{x:.decimals$}"),
            Cell::Null => String::new(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::from(s.as_str()),
            Cell::Int(n) => serde_json::Value::from(*n),
            Cell::Num(x, decimals) => {
                let scale = 10f64.powi(i32::try_from(*decimals).unwrap_or(6));
                serde_json::Value::from((x * scale).round() / scale)
            }
            Cell::Null => serde_json::Value::Null,
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Self {
        Cell::Int(n)
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Self {
        Cell::Int(u64::from(n))
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Null, Into::into)
    }
}

/// Column names and rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(columns: &[&'static str]) -> Self {
        Self {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it should have one cell per column.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// Writes a header and the rows separated by `delimiter` (`b'\t'` or
    /// `b','`), quoting only the fields that need it.
    pub fn write_delimited<W: Write>(&self, delimiter: u8, out: W) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(out);
        writer.write_record(&self.columns)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Cell::text))?;
        }
        writer.flush()
    }

    /// Writes one JSON object per row, keyed by the column names.
    pub fn write_json_lines<W: Write>(&self, mut out: W) -> io::Result<()> {
        for row in &self.rows {
            let object: serde_json::Map<String, serde_json::Value> = self
                .columns
                .iter()
                .zip(row)
                .map(|(name, cell)| ((*name).to_owned(), cell.json()))
                .collect();
            writeln!(out, "{}", serde_json::Value::Object(object))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_table_three_formats() {
        let mut table = Table::new(&["word", "count", "share", "note"]);
        table.push(vec![
            "a,b".into(),
            3u64.into(),
            Cell::Num(0.123_456, 2),
            Cell::Null,
        ]);
        let mut csv = Vec::new();
        table.write_delimited(b',', &mut csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "word,count,share,note\n\"a,b\",3,0.12,\n"
        );
        let mut tsv = Vec::new();
        table.write_delimited(b'\t', &mut tsv).unwrap();
        assert_eq!(
            String::from_utf8(tsv).unwrap(),
            "word\tcount\tshare\tnote\na,b\t3\t0.12\t\n"
        );
        let mut json = Vec::new();
        table.write_json_lines(&mut json).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            "{\"count\":3,\"note\":null,\"share\":0.12,\"word\":\"a,b\"}\n"
        );
    }
}
