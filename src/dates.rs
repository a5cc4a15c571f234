//! Travel dates as people write them, and why one is refused: `2021-6-1`, `2021年6月1日`,
//! `tomorrow`, `+3d`, within the years `edl` accepts. A refusal is data ([`DateError`]): each
//! language says it in its own words, and `i18n` gives its `Display` (English).

use std::fmt;

use chrono::NaiveDate;

/// A travel date as given: a day, or one relative to today (where the stop is).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TravelDate {
    Day(NaiveDate),
    /// This many days after today (`today` 0, `tomorrow` 1, `yesterday` -1, `+Nd` N).
    FromToday(i32),
}

impl TravelDate {
    pub const TODAY: TravelDate = TravelDate::FromToday(0);

    /// The day meant; `today` is asked only for a relative date, so an explicit date never
    /// reads the clock. A relative date may land outside the years `edl` accepts.
    pub fn day(self, today: impl FnOnce() -> NaiveDate) -> Result<NaiveDate, DateError> {
        let day = match self {
            TravelDate::Day(day) => return Ok(day),
            TravelDate::FromToday(days) => today()
                .checked_add_signed(chrono::TimeDelta::days(i64::from(days)))
                .ok_or(DateError::OutOfRange)?,
        };
        in_range(day)
    }
}

impl fmt::Display for TravelDate {
    /// The date as `--on` takes it, in its plainest form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TravelDate::Day(day) => write!(f, "{day}"),
            TravelDate::FromToday(0) => f.write_str("today"),
            TravelDate::FromToday(1) => f.write_str("tomorrow"),
            TravelDate::FromToday(-1) => f.write_str("yesterday"),
            TravelDate::FromToday(days) => write!(f, "+{days}d"),
        }
    }
}

/// The dates `edl` accepts: the rollout began in 2021, and later dates are plain lookups.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

/// The most days `+Nd` counts ahead: five digits, more than the years `edl` accepts.
const MAX_DAYS_AHEAD: usize = 5;

/// Why a travel date was refused (`i18n` says it, in English for `Display`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Shape,
    NoSuchDay,
    OutOfRange,
}

impl std::error::Error for DateError {}

/// A date as people write it: `2021-06-01`, `2021-6-1`, `2021/6/1`, `20210601`,
/// `2021年6月1日`, `today`, `tomorrow`, `yesterday` (in any case) or `+Nd`.
pub fn parse_travel_date(text: &str) -> Result<TravelDate, DateError> {
    let text = text.trim();
    let word = text.to_ascii_lowercase();
    match word.as_str() {
        "today" => return Ok(TravelDate::FromToday(0)),
        "tomorrow" => return Ok(TravelDate::FromToday(1)),
        "yesterday" => return Ok(TravelDate::FromToday(-1)),
        _ => {}
    }
    if let Some(days) = word
        .strip_prefix('+')
        .and_then(|rest| rest.strip_suffix('d'))
    {
        let digits = !days.is_empty()
            && days.len() <= MAX_DAYS_AHEAD
            && days.bytes().all(|b| b.is_ascii_digit());
        return match days.parse() {
            Ok(days) if digits => Ok(TravelDate::FromToday(days)),
            _ => Err(DateError::Shape),
        };
    }
    let (year, month, day) = date_parts(text).ok_or(DateError::Shape)?;
    let day = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay)?;
    in_range(day).map(TravelDate::Day)
}

fn in_range(day: NaiveDate) -> Result<NaiveDate, DateError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&day)) {
        Ok(day)
    } else {
        Err(DateError::OutOfRange)
    }
}

/// The year, month and day of a written date, before the calendar is asked: four digits of
/// year, then one or two of month and of day between one kind of separator (`-`, `/`, or
/// `年` `月` `日`), or eight digits in a row.
fn date_parts(text: &str) -> Option<(i32, u32, u32)> {
    let number = |digits: &str, most: usize| {
        (!digits.is_empty() && digits.len() <= most && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let (year, rest) = text.split_at(4);
        let (month, day) = rest.split_at(2);
        return Some((year.parse().ok()?, number(month, 2)?, number(day, 2)?));
    }
    let parts: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        vec![year, month, day]
    } else {
        let separator = if text.contains('/') { '/' } else { '-' };
        text.split(separator).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    (year.len() == 4).then_some(())?;
    Some((
        i32::try_from(number(year, 4)?).ok()?,
        number(month, 2)?,
        number(day, 2)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn travel_dates_are_read_as_people_write_them() {
        let day = TravelDate::Day(NaiveDate::from_ymd_opt(2021, 6, 1).unwrap());
        for form in [
            "2021-06-01",
            "2021-6-1",
            "2021/6/1",
            "2021/06/01",
            "20210601",
            "2021年6月1日",
            "2021年06月01日",
            " 2021-06-01 ",
        ] {
            assert_eq!(parse_travel_date(form), Ok(day), "{form}");
        }
        for (form, days) in [
            ("today", 0),
            ("TODAY", 0),
            ("Tomorrow", 1),
            ("yesterday", -1),
            ("+0d", 0),
            ("+7d", 7),
            ("+30D", 30),
        ] {
            assert_eq!(
                parse_travel_date(form),
                Ok(TravelDate::FromToday(days)),
                "{form}"
            );
        }
    }

    #[test]
    fn travel_dates_are_refused_with_their_reason() {
        for (bad, why) in [
            ("2021-02-30", DateError::NoSuchDay),
            ("2021-13-01", DateError::NoSuchDay),
            ("20210230", DateError::NoSuchDay),
            ("2021年2月30日", DateError::NoSuchDay),
            ("0000-01-01", DateError::OutOfRange),
            ("1999-12-31", DateError::OutOfRange),
            ("21000101", DateError::OutOfRange),
            ("99999-01-01", DateError::Shape),
            ("2021-6/1", DateError::Shape),
            ("2021-006-01", DateError::Shape),
            ("21-6-1", DateError::Shape),
            ("2021年6月1", DateError::Shape),
            ("2021061", DateError::Shape),
            ("+d", DateError::Shape),
            ("+-1d", DateError::Shape),
            ("+123456d", DateError::Shape),
            ("+7", DateError::Shape),
            ("", DateError::Shape),
            ("someday", DateError::Shape),
        ] {
            assert_eq!(parse_travel_date(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn relative_dates_count_from_today_and_stay_in_range() {
        let today = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
        let on = |date: TravelDate| date.day(|| today);
        assert_eq!(on(TravelDate::TODAY), Ok(today));
        assert_eq!(
            on(TravelDate::FromToday(-1)),
            Ok(NaiveDate::from_ymd_opt(2021, 5, 31).unwrap())
        );
        assert_eq!(
            on(TravelDate::FromToday(30)),
            Ok(NaiveDate::from_ymd_opt(2021, 7, 1).unwrap())
        );
        assert_eq!(
            on(TravelDate::FromToday(99_999)),
            Err(DateError::OutOfRange)
        );
        for form in ["today", "tomorrow", "yesterday", "+12d", "2021-06-01"] {
            let date = parse_travel_date(form).unwrap();
            assert_eq!(parse_travel_date(&date.to_string()), Ok(date), "{form}");
        }
    }
}
