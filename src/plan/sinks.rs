//! The files a plan's rows are written into: CSV (UTF-8 with or without a byte-order mark, or
//! Windows-1251; any separator; a header row or none), XLSX (split into sheets of at most
//! 1,048,576 rows, Excel's limit) and JSON Lines.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::profile::{Encoding, FileType, Profile};
use crate::error::{Error, Result};

/// The most rows an Excel sheet holds, the header included.
pub const XLSX_SHEET_ROWS: u32 = 1_048_576;

/// Buffer of one file: big for one file, small when a split keeps up to 200 open.
pub(crate) const BIG_BUFFER: usize = 1 << 20;
pub(crate) const SMALL_BUFFER: usize = 1 << 16;

/// Where the rows go.
pub(crate) trait Sink {
    /// The column names, once, before the rows; `numbers`: which columns hold numbers.
    fn start(&mut self, header: &[String], numbers: &[bool]) -> Result<()>;
    fn row(&mut self, values: &[String]) -> Result<()>;
    /// Flushes the file; returns how many sheets it has.
    fn finish(self: Box<Self>) -> Result<u32>;
}

/// How one file is opened.
pub(crate) struct Opening<'a> {
    pub path: &'a Path,
    pub profile: &'a Profile,
    pub sheet_rows: u32,
    /// The second half of a file written in two: no byte-order mark and no header.
    pub part: bool,
    pub buffer: usize,
}

/// A sink writing the file `o.path` as `o.profile` says.
pub(crate) fn open(o: Opening) -> Result<Box<dyn Sink>> {
    let path = o.path;
    let create = || std::fs::File::create(path).map_err(|e| Error::io(path, e));
    Ok(match o.profile.file_type {
        FileType::Csv => {
            let mut file = std::io::BufWriter::with_capacity(o.buffer, create()?);
            if !o.part && o.profile.encoding == Encoding::Utf8Bom {
                file.write_all("\u{feff}".as_bytes())
                    .map_err(|e| Error::io(path, e))?;
            }
            let builder = {
                let mut b = csv::WriterBuilder::new();
                b.delimiter(o.profile.separator_byte());
                b
            };
            let header = o.profile.header && !o.part;
            if o.profile.encoding == Encoding::Cp1251 {
                Box::new(CsvSink {
                    writer: builder.from_writer(Cp1251::new(file)),
                    path: path.to_owned(),
                    header,
                })
            } else {
                Box::new(CsvSink {
                    writer: builder.from_writer(file),
                    path: path.to_owned(),
                    header,
                })
            }
        }
        FileType::Jsonl => Box::new(JsonlSink {
            out: std::io::BufWriter::with_capacity(o.buffer, create()?),
            path: path.to_owned(),
            header: Vec::new(),
            numbers: Vec::new(),
        }),
        FileType::Xlsx => Box::new(XlsxSink {
            book: rust_xlsxwriter::Workbook::new(),
            path: path.to_owned(),
            header: Vec::new(),
            numbers: Vec::new(),
            sheet_rows: o.sheet_rows.max(2),
            row: 0,
            sheets: 0,
            with_header: o.profile.header,
        }),
    })
}

fn other(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::io(path, std::io::Error::other(e))
}

struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    path: PathBuf,
    header: bool,
}

impl<W: Write> Sink for CsvSink<W> {
    fn start(&mut self, header: &[String], _: &[bool]) -> Result<()> {
        if !self.header {
            return Ok(());
        }
        self.writer
            .write_record(header)
            .map_err(|e| other(&self.path, e))
    }

    fn row(&mut self, values: &[String]) -> Result<()> {
        self.writer
            .write_record(values)
            .map_err(|e| other(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        self.writer.flush().map_err(|e| Error::io(&self.path, e))?;
        Ok(1)
    }
}

/// Windows-1251 bytes of the UTF-8 written through it; a character the code page lacks becomes
/// `?` (the findings before the export name them and offer UTF-8).
struct Cp1251<W: Write> {
    inner: W,
    encoder: encoding_rs::Encoder,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
    out: Vec<u8>,
}

impl<W: Write> Cp1251<W> {
    fn new(inner: W) -> Cp1251<W> {
        Cp1251 {
            inner,
            encoder: encoding_rs::WINDOWS_1251.new_encoder(),
            pending: Vec::new(),
            out: Vec::new(),
        }
    }
}

impl<W: Write> Write for Cp1251<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) => e.valid_up_to(),
        };
        let mut text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        self.out.clear();
        // One byte a character at most: the output never fills.
        self.out.reserve(text.len());
        loop {
            let (result, read) = self.encoder.encode_from_utf8_to_vec_without_replacement(
                text,
                &mut self.out,
                false,
            );
            text = &text[read..];
            match result {
                encoding_rs::EncoderResult::Unmappable(_) => self.out.push(b'?'),
                encoding_rs::EncoderResult::InputEmpty | encoding_rs::EncoderResult::OutputFull => {
                    break;
                }
            }
        }
        self.inner.write_all(&self.out)?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

struct JsonlSink {
    out: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    header: Vec<String>,
    numbers: Vec<bool>,
}

impl Sink for JsonlSink {
    fn start(&mut self, header: &[String], numbers: &[bool]) -> Result<()> {
        self.header = header.to_vec();
        self.numbers = numbers.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[String]) -> Result<()> {
        let object: serde_json::Map<String, serde_json::Value> = self
            .header
            .iter()
            .zip(values)
            .zip(&self.numbers)
            .map(|((k, v), number)| {
                let value = match v.parse::<i64>() {
                    Ok(n) if *number => serde_json::Value::from(n),
                    _ => v.as_str().into(),
                };
                (k.clone(), value)
            })
            .collect();
        serde_json::to_writer(&mut self.out, &object).map_err(|e| other(&self.path, e))?;
        self.out
            .write_all(b"\n")
            .map_err(|e| Error::io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))?;
        Ok(1)
    }
}

struct XlsxSink {
    book: rust_xlsxwriter::Workbook,
    path: PathBuf,
    header: Vec<String>,
    numbers: Vec<bool>,
    sheet_rows: u32,
    /// Rows written in the current sheet (the header included); 0 before the first sheet.
    row: u32,
    sheets: u32,
    with_header: bool,
}

impl XlsxSink {
    /// Starts the next sheet with the header row.
    fn new_sheet(&mut self) -> Result<()> {
        self.sheets += 1;
        let name = format!("plan {}", self.sheets);
        let path = self.path.clone();
        let sheet = self
            .book
            .add_worksheet_with_constant_memory()
            .map_err(|e| other(&path, e))?;
        sheet.set_name(name).map_err(|e| other(&path, e))?;
        self.row = 0;
        if self.with_header {
            for (c, h) in self.header.iter().enumerate() {
                sheet
                    .write_string(0, c as u16, h)
                    .map_err(|e| other(&path, e))?;
            }
            self.row = 1;
        }
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn start(&mut self, header: &[String], numbers: &[bool]) -> Result<()> {
        self.header = header.to_vec();
        self.numbers = numbers.to_vec();
        self.new_sheet()
    }

    fn row(&mut self, values: &[String]) -> Result<()> {
        if self.row >= self.sheet_rows {
            self.new_sheet()?;
        }
        let (row, sheets, path) = (self.row, self.sheets, self.path.clone());
        let sheet = self
            .book
            .worksheet_from_index(sheets as usize - 1)
            .map_err(|e| other(&path, e))?;
        for (c, v) in values.iter().enumerate() {
            let written = match v.parse::<f64>() {
                Ok(n) if self.numbers.get(c) == Some(&true) => sheet.write_number(row, c as u16, n),
                _ => sheet.write_string(row, c as u16, v),
            };
            written.map_err(|e| other(&path, e))?;
        }
        self.row += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        let path = self.path.clone();
        self.book.save(&path).map_err(|e| other(&path, e))?;
        Ok(self.sheets)
    }
}
