//! The values that cross the portable SQL layer (`sql.rs`) in both
//! directions: parameters in, columns out. One small owned type instead of
//! two engines' trait zoos, so a query's parameters and its reading code are
//! written once. Booleans are stored as 0/1 integers on both engines, as
//! the SQLite schema always did.

use crate::error::{ErrorCode, LoketError, Result};

/// A parameter or a column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Value::Int(i64::from(v))
    }
}
impl From<u32> for Value {
    fn from(v: u32) -> Self {
        Value::Int(i64::from(v))
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Int(i64::from(v))
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Self {
        Value::Blob(v.to_vec())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}
impl<T: Clone + Into<Value>> From<&Option<T>> for Value {
    fn from(v: &Option<T>) -> Self {
        v.clone().map_or(Value::Null, Into::into)
    }
}

/// Parameters for the portable layer: `sql_params![a, b, c]`.
#[macro_export]
macro_rules! sql_params {
    ($($v:expr),* $(,)?) => {
        &[$($crate::db::Value::from($v)),*][..]
    };
}

fn mismatch(want: &str, got: &Value) -> LoketError {
    let got = match got {
        Value::Null => "NULL",
        Value::Int(_) => "bilangan bulat",
        Value::Real(_) => "bilangan pecahan",
        Value::Text(_) => "teks",
        Value::Blob(_) => "data biner",
    };
    LoketError::new(
        ErrorCode::GagalMenyimpan,
        format!("Kolom basis data berisi {got}, bukan {want}."),
    )
}

/// A Rust value read back from a column.
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self>;
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self> {
        Ok(v)
    }
}
impl FromValue for i64 {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Int(i) => Ok(i),
            other => Err(mismatch("bilangan bulat", &other)),
        }
    }
}
impl FromValue for i32 {
    fn from_value(v: Value) -> Result<Self> {
        let i = i64::from_value(v)?;
        i32::try_from(i).map_err(|_| mismatch("bilangan bulat 32-bit", &Value::Int(i)))
    }
}
impl FromValue for u32 {
    fn from_value(v: Value) -> Result<Self> {
        let i = i64::from_value(v)?;
        u32::try_from(i).map_err(|_| mismatch("bilangan bulat positif", &Value::Int(i)))
    }
}
impl FromValue for usize {
    fn from_value(v: Value) -> Result<Self> {
        let i = i64::from_value(v)?;
        usize::try_from(i).map_err(|_| mismatch("bilangan bulat positif", &Value::Int(i)))
    }
}
impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self> {
        Ok(i64::from_value(v)? != 0)
    }
}
impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Real(f) => Ok(f),
            // SQLite keeps a whole REAL as an integer in expressions.
            Value::Int(i) => Ok(i as f64),
            other => Err(mismatch("bilangan pecahan", &other)),
        }
    }
}
impl FromValue for String {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Text(s) => Ok(s),
            other => Err(mismatch("teks", &other)),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Blob(b) => Ok(b),
            other => Err(mismatch("data biner", &other)),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl From<rusqlite::types::ValueRef<'_>> for Value {
    fn from(v: rusqlite::types::ValueRef<'_>) -> Self {
        use rusqlite::types::ValueRef;
        match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_what_was_written() {
        assert_eq!(i64::from_value(Value::from(7_i32)).unwrap(), 7);
        assert!(bool::from_value(Value::from(true)).unwrap());
        assert_eq!(Option::<String>::from_value(Value::Null).unwrap(), None);
        assert_eq!(f64::from_value(Value::Int(2)).unwrap(), 2.0);
        let err = i64::from_value(Value::from("x")).unwrap_err();
        assert_eq!(err.code, ErrorCode::GagalMenyimpan);
        assert!(u32::from_value(Value::Int(-1)).is_err());
        let v: &[Value] = crate::sql_params![1_i64, "a", None::<i64>, Some(true)];
        assert_eq!(
            v,
            [Value::Int(1), Value::from("a"), Value::Null, Value::Int(1)]
        );
    }
}
