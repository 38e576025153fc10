//! Phone numbers and the change-number plan, saved in the vault like everything else (read the newest
//! file, change, save atomically under the lock).

use super::Keystep;
use crate::error::{Error, Field, Result};
use crate::guides::Run;
use crate::phones::planner::{ChecklistStep, Plan, plan_guide_in};
use crate::phones::views::{PhoneView, phone_view};
use crate::phones::{Phone, PhoneKind, PhoneStatus, parse_number};

/// Longest label of a number, in characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// The UTC calendar date (YYYY-MM-DD) of a Unix time in milliseconds.
pub fn iso_date(ms: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = i64::try_from(ms / 86_400_000).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn clean_label(label: &str) -> Result<String> {
    crate::names::clean(label, Field::Label, MAX_LABEL_CHARS)
}

/// A real calendar day written YYYY-MM-DD, in a plausible range (see [`crate::dates`]).
fn check_date(date: &str) -> Result<()> {
    crate::dates::parse_iso_date_reason(date)
        .map(|_| ())
        .map_err(|reason| Error::bad(Field::Date, reason))
}

fn check_status(status: &PhoneStatus) -> Result<()> {
    match status {
        PhoneStatus::Leaving { on } => check_date(on),
        _ => Ok(()),
    }
}

impl Keystep {
    /// Every phone number, with the services that use it.
    pub fn phones(&mut self) -> Result<Vec<PhoneView>> {
        self.refresh()?;
        let catalog = self.catalog;
        Ok(self
            .contents
            .phones
            .iter()
            .map(|p| phone_view(p, catalog, &self.contents.services))
            .collect())
    }

    /// Adds a number typed by the person, read in `region` unless it starts with `+`.
    pub fn add_phone(
        &mut self,
        text: &str,
        region: &str,
        label: &str,
        kind: PhoneKind,
        now_ms: u64,
    ) -> Result<PhoneView> {
        let catalog = self.catalog;
        let parsed = parse_number(text, region)?;
        let label = clean_label(label)?;
        let phone = Phone {
            id: uuid::Uuid::new_v4().to_string(),
            e164: parsed.e164,
            label,
            kind,
            status: PhoneStatus::InUse,
            added_at_ms: now_ms,
        };
        self.update(|c| {
            if let Some(same) = c.phones.iter().find(|p| p.e164 == phone.e164) {
                return Err(Error::PhoneDuplicate {
                    number: parsed.national.clone(),
                    label: same.label.clone(),
                });
            }
            c.phones.push(phone.clone());
            Ok(phone_view(&phone, catalog, &c.services))
        })
    }

    /// Changes a number's label, kind and status.
    pub fn edit_phone(
        &mut self,
        id: &str,
        label: &str,
        kind: PhoneKind,
        status: PhoneStatus,
    ) -> Result<PhoneView> {
        let catalog = self.catalog;
        let label = clean_label(label)?;
        check_status(&status)?;
        self.update(|c| {
            let p =
                c.phones
                    .iter_mut()
                    .find(|p| p.id == id)
                    .ok_or_else(|| Error::PhoneNotFound {
                        query: id.to_string(),
                    })?;
            p.label = label;
            p.kind = kind;
            p.status = status;
            let p = p.clone();
            Ok(phone_view(&p, catalog, &c.services))
        })
    }

    /// Removes a number, and takes it off every account that listed it.
    pub fn remove_phone(&mut self, id: &str) -> Result<PhoneView> {
        let catalog = self.catalog;
        self.update(|c| {
            let at =
                c.phones
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or_else(|| Error::PhoneNotFound {
                        query: id.to_string(),
                    })?;
            let view = phone_view(&c.phones[at], catalog, &c.services);
            c.phones.remove(at);
            for a in &mut c.services {
                a.code_phones.retain(|p| p != id);
                a.recovery_phones.retain(|p| p != id);
            }
            Ok(view)
        })
    }

    /// The number a person typed, found among theirs (any format: it is parsed first).
    pub fn find_phone(&mut self, text: &str, region: &str) -> Result<PhoneView> {
        let e164 = parse_number(text, region)?.e164;
        self.phones()?
            .into_iter()
            .find(|p| p.e164 == e164)
            .ok_or_else(|| Error::PhoneNotFound {
                query: text.trim().to_string(),
            })
    }

    /// The checklist of a plan, each step with its official page (from this vault's catalog).
    pub fn plan_checklist(&self, plan: &Plan) -> Vec<ChecklistStep> {
        crate::phones::planner::checklist(plan, self.catalog)
    }

    /// Plans a change from one of the person's numbers to another: the new number is added if it is
    /// not kept yet, the old one is marked as leaving on `date`, and a run of the plan starts.
    pub fn plan_change(
        &mut self,
        from: &str,
        to: &str,
        date: Option<&str>,
        region: &str,
        now_ms: u64,
    ) -> Result<(Plan, Run)> {
        let catalog = self.catalog;
        let lang = self.lang();
        let old_e164 = parse_number(from, region)?.e164;
        let new = parse_number(to, region)?;
        if new.e164 == old_e164 {
            return Err(Error::bad(
                Field::Phone,
                crate::error::ReasonKey::PhoneSameNumber,
            ));
        }
        let date = date.map_or_else(|| iso_date(now_ms), str::to_string);
        check_date(&date)?;
        let plan_id = uuid::Uuid::new_v4().to_string();
        self.update(|c| {
            let old = c
                .phones
                .iter_mut()
                .find(|p| p.e164 == old_e164)
                .ok_or_else(|| Error::PhoneNotFound {
                    query: from.trim().to_string(),
                })?;
            if old.status != PhoneStatus::Gone {
                old.status = PhoneStatus::Leaving { on: date.clone() };
            }
            let old = old.clone();
            let new_phone = match c.phones.iter().find(|p| p.e164 == new.e164) {
                Some(p) => p.clone(),
                None => {
                    let p = Phone {
                        id: uuid::Uuid::new_v4().to_string(),
                        e164: new.e164.clone(),
                        label: match lang {
                            crate::Lang::En => "New number",
                            crate::Lang::Es => "Número nuevo",
                        }
                        .into(),
                        kind: PhoneKind::Mobile,
                        status: PhoneStatus::InUse,
                        added_at_ms: now_ms,
                    };
                    c.phones.push(p.clone());
                    p
                }
            };
            // The plan is written once, in the language of the moment, and kept with its guide: it
            // stays in that language if the window's language changes later.
            let guide = plan_guide_in(
                lang,
                catalog,
                &c.services,
                &old,
                &new_phone,
                &date,
                &plan_id,
            );
            let run = Run::start(&guide, uuid::Uuid::new_v4().to_string(), now_ms);
            let plan = Plan {
                guide,
                old_phone: old.id.clone(),
                new_phone: new_phone.id.clone(),
                date: date.clone(),
            };
            c.plans.push(plan.clone());
            c.runs.push(run.clone());
            Ok((plan, run))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_match_the_calendar() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29");
        assert_eq!(iso_date(1_700_000_000_000), "2023-11-14");
        assert_eq!(iso_date(1_798_675_200_000), "2026-12-31");
    }
}
