//! The `newsatlas` Python module: the extraction of `newsatlas extract` over Arrow tables, for
//! distributed engines (Dask, Spark) and notebooks.
//!
//! Key decisions:
//! - **Loaded once**: an [`Extractor`] loads the gazetteer (the bundled layers, or those of
//!   `gazetteer_dir`, with the user's additions when given) when it is made, through the same
//!   index cache as the app; a worker keeps one per process.
//! - **No Python loop**: `extract` takes a pyarrow `Table` or `RecordBatch` (anything with
//!   `__arrow_c_stream__`) of `id`, `text` and optionally `published`; the columns cross through
//!   the Arrow C data interface, the articles are built and extracted in Rust (without the GIL,
//!   in parallel), and the tables come back the same way.
//! - **One path**: the tables are the record batches `extract --format parquet` writes
//!   (`newsatlas::record_batches`), so a job's output equals the command line's row for row.
//! - **The rows as the CSV corpus reads them**: `text` goes through the folder rules (header
//!   block, `date` token, dateline); a `published` date (a date, a timestamp or `YYYY-MM-DD...`
//!   text) then sets the publication date, as the `date` cell of a CSV row does.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_pyarrow::{PyArrowType, Table};
use arrow_schema::{DataType, Schema, TimeUnit};
use chrono::NaiveDate;
use newsatlas::corpus::{Article, DateBasis, parse_iso_date};
use newsatlas::gazetteer::{Gazetteer, broad_layer_in, default_cache_dir};
use newsatlas::{ParquetBatches, UserDataDir, extract_batches, geo_metadata};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::PyDict;

/// How many gazetteers this process loaded: a job checks its workers load one each.
static LOADS: AtomicUsize = AtomicUsize::new(0);

/// The extractors [`Extractor::shared`] handed out, by their arguments: one per process.
static SHARED: Mutex<Vec<(SharedKey, Py<Extractor>)>> = Mutex::new(Vec::new());

type SharedKey = (Option<PathBuf>, Option<PathBuf>, Option<usize>);

/// The curated gazetteer file of a data folder.
const CURATED_FILE: &str = "gazetteer.toml";

/// The data folder used when none is given: `$NEWSATLAS_ROOT/data`, else the `data/` folder of the
/// checkout the package was built from.
fn default_data_dir() -> PathBuf {
    match std::env::var_os("NEWSATLAS_ROOT").filter(|v| !v.is_empty()) {
        Some(root) => PathBuf::from(root).join("data"),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("data"),
    }
}

/// The user's gazetteer file: the one in `path` when it is a user data folder (as `--user-data
/// DIR` names it), else `path` itself.
fn user_gazetteer_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        UserDataDir::at(path).gazetteer()
    } else {
        path.to_path_buf()
    }
}

/// Extracts places, dates and events from articles given as Arrow tables.
///
/// `Extractor(gazetteer_dir=None, user_gazetteer=None, threads=None)`: `gazetteer_dir` is a folder
/// with `gazetteer.toml` and `places_broad.tsv(.gz)` (default: `$NEWSATLAS_ROOT/data`, else the
/// `data/` folder of the checkout the package was built from); `user_gazetteer` is the user's
/// additions (the user data folder, as `--user-data DIR` names it, or its `gazetteer.toml`); `threads` caps
/// the threads one `extract` call uses (default: one per core).
#[pyclass(module = "newsatlas", frozen)]
struct Extractor {
    gazetteer: Arc<Gazetteer>,
    problems: Vec<String>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteer_dir=None, user_gazetteer=None, threads=None))]
    fn new(
        py: Python<'_>,
        gazetteer_dir: Option<PathBuf>,
        user_gazetteer: Option<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<Extractor> {
        let data = gazetteer_dir.unwrap_or_else(default_data_dir);
        let curated = data.join(CURATED_FILE);
        if !curated.is_file() {
            return Err(PyValueError::new_err(format!(
                "no gazetteer at {}: expected a folder with {CURATED_FILE} and places_broad.tsv(.gz) \
                 (pass gazetteer_dir= or set NEWSATLAS_ROOT to the project folder)",
                data.display()
            )));
        }
        let user = user_gazetteer.as_deref().map(user_gazetteer_file);
        if let Some(user) = &user
            && !user.is_file()
        {
            return Err(PyValueError::new_err(format!(
                "no user gazetteer at {}: expected a user data folder (as `--user-data DIR` \
                 names it) or its gazetteer.toml",
                user.display()
            )));
        }
        let broad = broad_layer_in(&data);
        let (gazetteer, problems) = py.detach(|| {
            Gazetteer::load_cached(
                &curated,
                Some(broad.as_path()),
                user.as_deref(),
                default_cache_dir().as_deref(),
            )
        });
        LOADS.fetch_add(1, Ordering::Relaxed);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        if gazetteer.places().is_empty() {
            return Err(PyValueError::new_err(format!(
                "the gazetteer has no usable place, expected places in {}{}",
                curated.display(),
                problems
                    .iter()
                    .flat_map(|p| ["\n", p.as_str()])
                    .collect::<String>()
            )));
        }
        let pool = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => Some(Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(format!("cannot start threads ({e})")))?,
            )),
            None => None,
        };
        Ok(Extractor {
            gazetteer: Arc::new(gazetteer),
            problems,
            pool,
        })
    }

    /// The process's extractor for these arguments, made (and its gazetteer loaded) on the first
    /// call only: what a distributed job's tasks call, so each worker process loads the
    /// gazetteer once however many partitions it runs.
    #[staticmethod]
    #[pyo3(signature = (gazetteer_dir=None, user_gazetteer=None, threads=None))]
    fn shared(
        py: Python<'_>,
        gazetteer_dir: Option<PathBuf>,
        user_gazetteer: Option<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<Py<Extractor>> {
        let key = (gazetteer_dir, user_gazetteer, threads);
        // Held while loading: a second thread asking for the same extractor waits for it
        // instead of loading the gazetteer again (the GIL is released meanwhile).
        let mut shared = SHARED.lock_py_attached(py).map_err(|_| {
            PyRuntimeError::new_err("an earlier load failed midway; start a new process")
        })?;
        if let Some((_, extractor)) = shared.iter().find(|(k, _)| *k == key) {
            return Ok(extractor.clone_ref(py));
        }
        let (gazetteer_dir, user_gazetteer, threads) = key.clone();
        let extractor = Py::new(
            py,
            Extractor::new(py, gazetteer_dir, user_gazetteer, threads)?,
        )?;
        shared.push((key, extractor.clone_ref(py)));
        Ok(extractor)
    }

    /// How many places the gazetteer holds.
    #[getter]
    fn places(&self) -> usize {
        self.gazetteer.places().len()
    }

    /// What loading the gazetteer reported (`file:line: message`), as the command line prints it.
    #[getter]
    fn problems(&self) -> Vec<String> {
        self.problems.clone()
    }

    /// Extracts the articles of `table` (a pyarrow `Table` or `RecordBatch` with string columns
    /// `id` and `text` and an optional `published` column of dates, timestamps or `YYYY-MM-DD`
    /// text) and returns a dict of pyarrow tables: `events` (with the `GeoParquet` `geo`
    /// metadata, so `pyarrow.parquet.write_table` writes a `GeoParquet` file), `places` and
    /// `dates` (the mentions) and `articles`, with the columns and values of
    /// `newsatlas extract --format parquet` (an article's `file` is empty).
    fn extract<'py>(
        &self,
        py: Python<'py>,
        table: PyArrowType<Table>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (batches, schema) = table.0.into_inner();
        let columns = InputColumns::of(&schema)?;
        let gazetteer = Arc::clone(&self.gazetteer);
        let pool = self.pool.clone();
        let out = py.detach(move || -> Result<ParquetBatches, String> {
            let mut articles = Vec::new();
            for batch in &batches {
                columns.articles(batch, &mut articles)?;
            }
            let run = || extract_batches(&articles, &gazetteer).map_err(|e| e.to_string());
            match pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        });
        let out = out.map_err(PyValueError::new_err)?;
        let events = with_geo_metadata(&out.events, out.extent)?;
        let dict = PyDict::new(py);
        for (name, batch) in [
            ("events", events),
            ("places", out.places),
            ("dates", out.dates),
            ("articles", out.articles),
        ] {
            let schema = batch.schema();
            let table = Table::try_new(vec![batch], schema)
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            dict.set_item(name, PyArrowType(table))?;
        }
        Ok(dict)
    }
}

/// `batch` with the `GeoParquet` `geo` key in its schema's metadata (`pyarrow` writes a schema's
/// metadata into the Parquet footer, as the command line writes the key).
fn with_geo_metadata(batch: &RecordBatch, extent: Option<[f64; 4]>) -> PyResult<RecordBatch> {
    let mut metadata = batch.schema().metadata().clone();
    metadata.insert("geo".to_owned(), geo_metadata(extent));
    let schema = Arc::new(Schema::new_with_metadata(
        batch.schema().fields().clone(),
        metadata,
    ));
    batch
        .clone()
        .with_schema(schema)
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// The `geo` metadata (`GeoParquet` 1.1, as the command line writes it) for events whose points
/// span `bbox` = (xmin, ymin, xmax, ymax), or none: for a job that writes its own files.
#[pyfunction]
#[pyo3(signature = (bbox=None))]
fn geo_metadata_json(bbox: Option<[f64; 4]>) -> String {
    geo_metadata(bbox)
}

/// How many gazetteers this process has loaded (each `Extractor(...)` loads one; `shared`
/// loads one per distinct arguments).
#[pyfunction]
fn gazetteer_loads() -> usize {
    LOADS.load(Ordering::Relaxed)
}

/// Where the input columns are.
struct InputColumns {
    id: usize,
    text: usize,
    published: Option<usize>,
}

fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Row `i` of a text column, `None` when null (the column's type is checked first).
fn text_at(col: &ArrayRef, i: usize) -> Option<&str> {
    if col.is_null(i) {
        return None;
    }
    match col.data_type() {
        DataType::Utf8 => Some(col.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Some(col.as_string::<i64>().value(i)),
        DataType::Utf8View => Some(col.as_string_view().value(i)),
        _ => None,
    }
}

/// What a `published` cell says: no date (null, empty: the text's own date stands), a day, or
/// text that is not a date (the article is then undated, as a CSV row's bad `date` cell).
enum Published {
    Absent,
    Day(NaiveDate),
    NotADate,
}

fn day_of_seconds(secs: i64) -> Published {
    chrono::DateTime::from_timestamp(secs, 0)
        .map_or(Published::NotADate, |t| Published::Day(t.date_naive()))
}

fn published_at(col: &ArrayRef, i: usize) -> Published {
    if col.is_null(i) {
        return Published::Absent;
    }
    match col.data_type() {
        DataType::Date32 => day_of_date32(col.as_primitive::<Date32Type>().value(i)),
        DataType::Date64 => {
            day_of_seconds(col.as_primitive::<Date64Type>().value(i).div_euclid(1000))
        }
        DataType::Timestamp(unit, _) => {
            let (v, per_second) = match unit {
                TimeUnit::Second => (col.as_primitive::<TimestampSecondType>().value(i), 1),
                TimeUnit::Millisecond => (
                    col.as_primitive::<TimestampMillisecondType>().value(i),
                    1000,
                ),
                TimeUnit::Microsecond => (
                    col.as_primitive::<TimestampMicrosecondType>().value(i),
                    1_000_000,
                ),
                TimeUnit::Nanosecond => (
                    col.as_primitive::<TimestampNanosecondType>().value(i),
                    1_000_000_000,
                ),
            };
            day_of_seconds(v.div_euclid(per_second))
        }
        _ => match text_at(col, i).map(str::trim) {
            None | Some("") => Published::Absent,
            // An ISO timestamp ("2019-04-09T10:00:00Z") gives its day.
            Some(text) => text
                .get(..10)
                .and_then(parse_iso_date)
                .map_or(Published::NotADate, Published::Day),
        },
    }
}

fn day_of_date32(days: i32) -> Published {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(i64::from(days))))
        .map_or(Published::NotADate, Published::Day)
}

impl InputColumns {
    fn of(schema: &Schema) -> PyResult<InputColumns> {
        let find = |name: &str| schema.fields().iter().position(|f| f.name() == name);
        let text_column = |name: &str| -> PyResult<usize> {
            let i = find(name).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "the table has no `{name}` column, expected `id`, `text` and optionally \
                     `published` (it has {})",
                    schema
                        .fields()
                        .iter()
                        .map(|f| format!("`{}`", f.name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            let t = schema.field(i).data_type();
            if is_text(t) {
                Ok(i)
            } else {
                Err(PyValueError::new_err(format!(
                    "the `{name}` column is {t}, expected text (string)"
                )))
            }
        };
        let (id, text) = (text_column("id")?, text_column("text")?);
        let published = find("published");
        if let Some(i) = published {
            let t = schema.field(i).data_type();
            let ok = is_text(t)
                || matches!(
                    t,
                    DataType::Date32 | DataType::Date64 | DataType::Timestamp(..) | DataType::Null
                );
            if !ok {
                return Err(PyValueError::new_err(format!(
                    "the `published` column is {t}, expected dates, timestamps or YYYY-MM-DD text"
                )));
            }
        }
        Ok(InputColumns {
            id,
            text,
            published,
        })
    }

    /// The rows of `batch` as articles, appended to `out`.
    fn articles(&self, batch: &RecordBatch, out: &mut Vec<Article>) -> Result<(), String> {
        let (ids, texts) = (batch.column(self.id), batch.column(self.text));
        let published = self.published.map(|i| batch.column(i));
        for i in 0..batch.num_rows() {
            let row = out.len();
            let id = text_at(ids, i)
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .ok_or_else(|| format!("row {row} has no `id`, expected a text id per article"))?;
            let text = text_at(texts, i).unwrap_or_default();
            let (mut article, _problems) = Article::from_text(id, Path::new(""), text);
            match published.map_or(Published::Absent, |col| published_at(col, i)) {
                Published::Absent => {}
                Published::Day(day) => {
                    article.published = Some(day);
                    article.date_basis = DateBasis::Header;
                }
                Published::NotADate => {
                    article.published = None;
                    article.date_basis = DateBasis::Undated;
                }
            }
            out.push(article);
        }
        Ok(())
    }
}

/// The module: `Extractor`, `geo_metadata_json` and the file names of the command line's folder.
#[pymodule]
#[pyo3(name = "newsatlas")]
fn newsatlas_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(geo_metadata_json, m)?)?;
    m.add_function(wrap_pyfunction!(gazetteer_loads, m)?)?;
    m.add("EVENTS_FILE", newsatlas::EVENTS_FILE)?;
    m.add("PLACES_FILE", newsatlas::PLACES_FILE)?;
    m.add("DATES_FILE", newsatlas::DATES_FILE)?;
    m.add("ARTICLES_FILE", newsatlas::ARTICLES_FILE)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
