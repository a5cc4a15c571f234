//! 中文。Place names stay as the divisions table writes them (成都市, 四川省); dates stay ISO.

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::en::clause;
use super::{
    Blocking, CheckColumn, DataSummary, Messages, Reach, Refusal, Retype, ShowField, beside_card,
    chain, echo, with_code, world_chain, world_zh,
};
use crate::data::RuleId;
use crate::data::recognition::{Document, Issuing, Needs, Note as RecognitionNote};
use crate::data::schemes::{
    Answer, HolderKind, Note as SchemeNote, PhoneFailure, Reason as SchemeReason, Stage,
};
use crate::data::world::{PlaceKind, WorldPlace};
use crate::data::{AliasKind, Change, Divisions};
use crate::data::{Claim, Division, Kind, Level, Quality, Wording};
use crate::dates::{DateError, FIRST_YEAR, LAST_YEAR};
use crate::place::{Place, PlaceNote};
use crate::verdict::{
    Ambiguous, Cited, Crossing, Days, Engine, Facts, Ground, LicenseState, Note, Placed, Reason,
    SchemeWhy, Status, UnknownLicenseState, Verdict, Why,
};

pub struct Chinese;

/// A rule as sentences cite it: `（valid-nationwide，可靠）`.
fn cite(rule: &Cited) -> String {
    format!("（{}，{}）", rule.rule.id(), Chinese.quality(rule.quality))
}

fn cite_opt(rule: &Option<Cited>) -> String {
    rule.as_ref().map_or(String::new(), cite)
}

fn grounds_text(why: &Why<'_>) -> String {
    let grounds: Vec<String> = why
        .grounds
        .iter()
        .map(|ground| match ground {
            Ground::Fact {
                id,
                quality,
                claim,
                note,
            } => {
                let said = note
                    .as_ref()
                    .and_then(|note| note.zh.as_deref())
                    .map_or_else(|| Chinese.claim(*claim), |note| {
                        note.trim_end_matches('。').to_owned()
                    });
                format!("{id}，{}：{said}", Chinese.quality(*quality))
            }
            Ground::DefaultWindow {
                earliest,
                latest,
                nationwide,
                latest_quality,
            } => format!(
                "没有来源给出具体日期：第二批自 {earliest} 起；{}{latest} 前全部启用（2021 年底的目标，{}）",
                nationwide.map_or(String::new(), |day| format!(
                    "{day} 起全国推行，个别地区稍晚，"
                )),
                Chinese.quality(*latest_quality)
            ),
            Ground::DefaultEarliest(day) => format!("不早于 {day}（第二批开始）"),
            Ground::DefaultLatest { day, quality } => {
                format!("不晚于 {day}（2021 年底的目标，{}）", Chinese.quality(*quality))
            }
        })
        .collect();
    let mut text = String::new();
    if !grounds.is_empty() {
        text = format!("（{}）", grounds.join("；"));
    }
    if why.low_quality {
        // 较可靠的来源可能只点名而没有给出日期：此时只是日期仅有不可靠的来源。
        text.push_str(if super::cites_better_than_low(why) {
            "；具体日期仅有不可靠的来源"
        } else {
            "；仅有不可靠的来源"
        });
    }
    text
}

/// 代码列表，为空时说“无”。
fn or_none(codes: &[String]) -> String {
    if codes.is_empty() {
        "无".to_string()
    } else {
        codes.join("、")
    }
}

fn join_places(places: &[Place<'_>]) -> String {
    places
        .iter()
        .map(|&place| Chinese.place_in(place))
        .collect::<Vec<_>>()
        .join("、")
}

/// The man page's own rows, in the order of `exit::EXIT_CODE_TABLE`, `ENVIRONMENT` and `EXAMPLES`.
const MAN_EXIT_CODES: [(&str, &str); 4] = [
    (
        "0",
        "电子驾驶证即可：出行日期行程各站均已启用电子驾驶证（中国大陆以外：这本驾照的数字驾照在各站有效）；无需带驾驶证：有一站当地法律不要求随身携带这本驾照，其余各站电子驾驶证即可",
    ),
    (
        "1",
        "请带实体驾驶证：有一站尚未启用、不能确定已启用或在中国大陆以外；或核发地尚未启用，或在大陆各地确定启用之前未给出 --home；或驾驶证状态为转出；中国大陆以外：没有来源说明这本驾照在当地有效、有来源要求携带实体驾照或来源说法不一",
    ),
    (
        "2",
        "错误：用法错误、地点未知或有歧义、日期错误、数据文件错误；check - 中有任何一行出错或没有任何查询",
    ),
    (
        "3",
        "驾驶证不可用：驾驶证状态不允许驾车；或跨境时这本驾驶证在当地不能驾车（无效，或须有当地的许可或驾驶证）",
    ),
];

const MAN_ENVIRONMENT: [(&str, &str); 8] = [
    (
        "EDL_DATA",
        "代替内置数据的推广数据文件或数字驾照方案文件（同 --data）",
    ),
    ("EDL_LICENSE", "--license 的默认值"),
    ("EDL_HOME", "--home 的默认值"),
    ("EDL_LANG", "--lang 的默认值"),
    (
        "EDL_NOW",
        "用于测试和可复现的运行：当作现在的时刻（2026-12-07T20:00:00Z）",
    ),
    (
        "LANG",
        "与其前的 LC_ALL、LC_MESSAGES 一起：未给出 --lang 或 EDL_LANG 时，第一个已设置的变量决定语言，以 zh 开头即为中文",
    ),
    ("NO_COLOR", "--color auto 时不使用颜色"),
    ("TERM", "为 dumb 时，--color auto 不使用颜色"),
];

const MAN_EXAMPLES: [(&str, &str); 6] = [
    ("edl check 成都", "今天在成都，电子驾驶证够用吗？"),
    (
        "edl check 北京 天津 --home 天津 --on 2021-07-01",
        "某一天的行程，驾驶证由天津核发",
    ),
    (
        "edl check chengdu --license 暂扣",
        "使用交管12123 App 显示的驾驶证状态",
    ),
    (
        "edl check 成都 -q || echo \"bring the card\"",
        "在脚本中使用",
    ),
    (
        "printf '成都\\n北京\\t2021-08-31\\n' | edl check - --format tsv",
        "多个查询，每行一个",
    ),
    ("edl show 昆山", "某地的启用时间窗口及其依据"),
];

impl Chinese {
    /// The reason the schemes file gives for a place, or (`home`) for the licence's home.
    fn scheme_reason(&self, why: &SchemeWhy<'_>, place: Place<'_>, home: bool) -> String {
        let home_name = why
            .home
            .map_or_else(|| "驾驶证核发地".to_string(), |home| self.place_chain(home));
        if home {
            if let Answer::NoCardNeeded { baseline } = &why.judgement.answer {
                return format!(
                    "edl 不知道{}核发任何数字驾照，但有些地方无需随身携带这本驾照（{}，{}）：由各站的规定决定",
                    self.place_chain(place),
                    baseline.id,
                    self.quality(baseline.grade)
                );
            }
            if why.issued.is_empty() {
                return format!(
                    "edl 不知道{}核发任何数字驾照：请带实体驾驶证",
                    self.place_chain(place)
                );
            }
            let names: Vec<String> = why
                .issued
                .iter()
                .map(|scheme| {
                    let held = if scheme.on_request {
                        "，如持有"
                    } else {
                        ""
                    };
                    format!("{}（{}{held}）", self.wording(&scheme.name), scheme.id)
                })
                .collect();
            return format!(
                "{}核发的驾照：{}；在哪里有效由各站的规定决定",
                self.place_chain(place),
                names.join("、")
            );
        }
        let cite = |id: &str, grade: Quality| format!("（{id}，{}）", self.quality(grade));
        let stage = stage_zh(why.holder.stage);
        let mut text = match &why.judgement.answer {
            Answer::Counts { scheme, rule } => format!(
                "此地{}即可{}：{}",
                self.wording(&scheme.name),
                cite(&rule.id, rule.grade),
                clause(self.wording(&rule.note))
            ),
            Answer::NoCardNeeded { baseline } => format!(
                "此地这本驾照无需随身携带{}：{}",
                cite(&baseline.id, baseline.grade),
                clause(self.wording(&baseline.note))
            ),
            Answer::ByAvailability { scheme } => {
                format!("此地由{}的推广情况决定", self.wording(&scheme.name))
            }
            Answer::BringCard(reason) => match reason {
                SchemeReason::NoHome { counts, no_card }
                    if counts.is_empty() && no_card.is_empty() =>
                {
                    "没有来源说明任何数字驾照在此地有效：稳妥起见请带实体驾驶证".to_string()
                }
                SchemeReason::NoHome { counts, no_card } => {
                    let mut parts: Vec<String> = counts
                        .iter()
                        .map(|scheme| {
                            format!("{}（{}）有效", self.wording(&scheme.name), scheme.id)
                        })
                        .collect();
                    parts.extend(
                        no_card
                            .iter()
                            .map(|baseline| format!("部分驾照无需携带（{}）", baseline.id)),
                    );
                    format!(
                        "取决于驾照由哪里核发：此地{}；请用 --home 指明核发地（如 --home NSW）",
                        parts.join("，")
                    )
                }
                SchemeReason::NoScheme => {
                    format!("edl 不知道{home_name}核发任何数字驾照：请带实体驾驶证")
                }
                SchemeReason::Gap { gap } => format!(
                    "{home_name}核发的数字驾照尚无可靠来源（{}）：{}",
                    gap.id,
                    clause(self.wording(&gap.reason))
                ),
                SchemeReason::DependsWithin { .. } => format!(
                    "{}整体而言：{home_name}数字驾照的规定在其境内各地不同；请写明开车所在的州省或城市",
                    self.place_chain(place)
                ),
                SchemeReason::NoRuleCovers { scheme, .. } => format!(
                    "没有来源说明{}在{}有效：稳妥起见请带实体驾驶证",
                    self.wording(&scheme.name),
                    self.place_chain(place)
                ),
                SchemeReason::CarryCardRule { rule } => format!(
                    "请带实体驾驶证{}：{}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::CarryRequired { baseline } => format!(
                    "当地法律要求随身携带驾照{}：{}",
                    cite(&baseline.id, baseline.grade),
                    clause(self.wording(&baseline.note))
                ),
                SchemeReason::Conflict { rule } => format!(
                    "来源说法不一{}：{}；请带实体驾驶证",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::AgencyOnly { rule } => format!(
                    "只有{}接受，并非所有执法人员都接受{}：{}；请带实体驾驶证",
                    rule.by.as_ref().map_or("个别机构", |by| self.wording(by)),
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::StageExcluded { rule, .. } => format!(
                    "没有来源说明它对{stage}有效{}：{}；请带实体驾驶证",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::IssueDate { rule, issued } => {
                    let range = match (rule.issued_from, rule.issued_before) {
                        (Some(from), Some(before)) => format!("{from} 起、{before} 前"),
                        (Some(from), None) => format!("{from} 起"),
                        (None, Some(before)) => format!("{before} 前"),
                        (None, None) => "特定年份".to_string(),
                    };
                    let this = issued.map_or_else(
                        || "请用 --issued 给出驾照的核发日期".to_string(),
                        |day| format!("这本驾照核发于 {day}"),
                    );
                    format!(
                        "只适用于{range}核发的驾照；{this}{}：{}",
                        cite(&rule.id, rule.grade),
                        clause(self.wording(&rule.note))
                    )
                }
                SchemeReason::HolderExcluded { rule, kind } => format!(
                    "只适用于{}{}{}：{}",
                    rule.holder.map_or("部分持证人", holder_kind_zh),
                    kind.map_or_else(
                        || "；请用 --holder 说明持证人身份".to_string(),
                        |kind| format!("，不适用于{}", holder_kind_zh(kind))
                    ),
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::MayNotHold { rule } => format!(
                    "取决于你是否已有数字驾照，并非每位持证人都已有：除非用 --has-digital 说明已有，请带实体驾驶证{}：{}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::NotYet { rule, from } => format!(
                    "{from} 起才有效{}：{}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
                SchemeReason::Ended { rule, until } => format!(
                    "已于 {until} 前结束{}：{}",
                    cite(&rule.id, rule.grade),
                    clause(self.wording(&rule.note))
                ),
            },
        };
        for note in &why.judgement.notes {
            text.push('；');
            text.push_str(&match note {
                SchemeNote::PhoneFailure { rule, failure } => match failure {
                    PhoneFailure::NoLicence => {
                        format!("手机没电或损坏就无法出示驾照（{}）", rule.id)
                    }
                    PhoneFailure::Grace {
                        hours,
                        discretionary,
                    } => format!(
                        "手机出故障时，警方{} {hours} 小时内补交驾照（{}）",
                        if *discretionary {
                            "可给予"
                        } else {
                            "给予"
                        },
                        rule.id
                    ),
                    PhoneFailure::ProduceWithin { days } => {
                        format!("手机出故障时，须在 {days} 日内出示驾照（{}）", rule.id)
                    }
                },
                SchemeNote::Agency { rule } => format!(
                    "{}{}",
                    clause(self.wording(&rule.note)),
                    cite(&rule.id, rule.grade)
                ),
            });
        }
        text
    }

    /// The reason for a place no division covers (or for China as a whole), as a stop or as
    /// the license's issuing place.
    fn uncovered(&self, why: &Why<'_>, place: Place<'_>, home: bool) -> String {
        match (why.reason, home) {
            (Reason::WholeCountry, false) => {
                "中国整体：edl 的资料按省、市记录；请指明一地（如 edl check 成都）".to_string()
            }
            (Reason::WholeCountry, true) => {
                "中国整体：驾驶证按城市核发；请用 --home 指明城市".to_string()
            }
            (Reason::RegionLiveBy(day), _) => format!("中国整体：大陆各地最迟 {day} 均已启用"),
            (_, false) => format!(
                "edl 尚无{}数字驾驶证方面的资料：稳妥起见请带实体驾驶证",
                self.place_chain(place)
            ),
            (_, true) => format!(
                "{}在中国的行政区划以外：edl 尚无当地核发的数字驾驶证的资料",
                self.place_chain(place)
            ),
        }
    }
}

impl Messages for Chinese {
    fn man(&self) -> super::ManText {
        super::ManText {
            sections: ["命令", "退出码", "环境变量", "示例"],
            commands_intro: "每个命令也接受上面的选项（--data、--color、--lang），写在命令名之前或之后均可。",
            labels: ["可选值", "默认值", "环境变量"],
            exit_codes: &MAN_EXIT_CODES,
            environment: &MAN_ENVIRONMENT,
            examples: &MAN_EXAMPLES,
        }
    }

    fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::ELicense => "电子驾驶证即可",
            Verdict::NoCardNeeded => "无需带驾驶证",
            Verdict::BringCard => "请带实体驾驶证",
            Verdict::NoValidLicense => "驾驶证不可用",
        }
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Live => "已启用",
            Status::Uncertain => "不确定",
            Status::NotYet => "未启用",
            Status::NotCovered => "不适用",
        }
    }

    fn quality(&self, quality: Quality) -> &'static str {
        match quality {
            Quality::Strong => "可靠",
            Quality::Medium => "较可靠",
            Quality::Low => "不可靠",
        }
    }

    fn level(&self, level: Level) -> &'static str {
        match level {
            Level::Province => "省级",
            Level::Prefecture => "地级",
            Level::County => "县级",
        }
    }

    fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Municipality => "直辖市",
            Kind::Province => "省",
            Kind::AutonomousRegion => "自治区",
            Kind::Sar => "特别行政区",
            Kind::Prefecture => "地级行政区",
            Kind::MunicipalDistrict => "直辖市辖区、县",
            Kind::ProvinceDirect => "省直辖县级行政区",
            Kind::County => "县级行政区",
            Kind::SarDistrict => "特别行政区的区、堂区",
            Kind::PrefectureCounty => "台湾地区的市、县",
        }
    }

    fn never(&self) -> &'static str {
        "不适用"
    }

    fn place(&self, place: Place<'_>) -> String {
        match place {
            Place::Division(division) => division.name().to_string(),
            Place::World(row) => world_zh(row).to_string(),
        }
    }

    fn place_name(&self, place: Place<'_>) -> String {
        self.place(place)
    }

    fn world_above(&self, row: &'static WorldPlace) -> String {
        let mut above: Vec<&str> = world_chain(row).skip(1).map(world_zh).collect();
        above.reverse();
        // Chinese names run together; an English one among them needs spaces.
        let joiner = if above.iter().all(|name| !name.is_ascii()) {
            ""
        } else {
            " "
        };
        above.join(joiner)
    }

    fn place_in(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(_) => {
                // Namesakes differ by their state as often as by their country.
                return self.place_chain(place);
            }
        };
        let province = Divisions::bundled().province_of(division);
        if province.code == division.code {
            division.name().to_string()
        } else {
            format!("{}（{}）", division.name(), province.name())
        }
    }

    fn place_chain(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(row) => {
                let above = self.world_above(row);
                return if above.is_empty() {
                    world_zh(row).to_string()
                } else {
                    format!("{}（{above}）", world_zh(row))
                };
            }
        };
        let mut above: Vec<&str> = chain(division).skip(1).map(Division::name).collect();
        if above.is_empty() {
            return division.name().to_string();
        }
        above.reverse();
        format!("{}（{}）", division.name(), above.concat())
    }

    fn candidate(&self, place: Place<'_>, hint: Option<&str>) -> String {
        let shown = with_code(self.place_chain(place), place);
        match Reach::of(place, hint) {
            Reach::ByItsCode => shown,
            Reach::Type(hint) => format!("{shown}，输入“{hint}”"),
            Reach::Unnamed => format!("{shown}（没有能单独指明它的写法）"),
        }
    }

    fn place_note(&self, note: &PlaceNote<'_>) -> String {
        match note {
            PlaceNote::Prominent {
                query,
                chosen,
                others,
            } => {
                let others: Vec<String> = others
                    .iter()
                    .map(|(place, hint)| self.candidate(*place, hint.as_deref()))
                    .collect();
                format!(
                    "“{query}”按 {} 作答；也可能指 {}",
                    self.place_chain(*chosen),
                    others.join("；")
                )
            }
            PlaceNote::Former { alias, division } => {
                let year = alias
                    .year
                    .map_or(String::new(), |year| format!("于 {year} 年"));
                let from = alias
                    .former_parent()
                    .and_then(|code| Divisions::bundled().get(code))
                    .map_or(String::new(), |parent| format!("从 {} ", parent.name()));
                let what = alias.text();
                let place = self.place_chain(Place::Division(division));
                match alias.change {
                    Some(Change::Renamed) => format!("{what} {year}更名为 {place}"),
                    Some(Change::Merged) => format!("{what} {year}并入 {place}"),
                    Some(Change::Moved) => format!(
                        "{} {year}{from}划归 {}：按 {place} 作答",
                        division.name(),
                        self.place_chain(Place::Division(
                            Divisions::bundled().parent(division).unwrap_or(division),
                        ))
                    ),
                    Some(Change::Relevelled) => format!("{what} {year}改为 {place}"),
                    Some(Change::Split) => format!("{what} {year}撤销拆分：按 {place} 作答"),
                    None if alias.kind == AliasKind::Code => {
                        format!("{what} 是 {place} 内的统计用代码，并非行政区划：按 {place} 作答")
                    }
                    None => format!("{what} 是 {place} 的旧称"),
                }
            }
            PlaceNote::Mistyped { query, near } => {
                let near: Vec<String> = near.iter().map(|place| self.place_chain(*place)).collect();
                format!(
                    "没有名为“{}”的地方；按拼写最接近的 {} 作答",
                    echo(query),
                    near.join("、")
                )
            }
            PlaceNote::NearSpelling { query, near } => {
                let near: Vec<String> = near.iter().map(|place| self.place_chain(*place)).collect();
                format!(
                    "“{}”按同名城镇作答；若拼错一个字母，则可能指 {}",
                    echo(query),
                    near.join("、")
                )
            }
            PlaceNote::Unread { read, rest } => format!(
                "按 {} 作答；“{}”不是已知地点",
                self.place_chain(Place::Division(read)),
                echo(rest)
            ),
        }
    }

    fn several_in_one(&self, query: &str, parts: &[String]) -> String {
        format!(
            "“{query}”包含 {} 个地点（{}）：请只写一个",
            parts.len(),
            parts.join("、")
        )
    }

    fn headline(
        &self,
        verdict: Verdict,
        days: Days,
        license: LicenseState,
        blocking: &[Blocking<'_>],
        home_unknown: bool,
    ) -> String {
        let on = match days {
            Days::One(day) => day.to_string(),
            Days::Between(first, last) => format!("{first} 至 {last}"),
        };
        match verdict {
            Verdict::ELicense => format!("{on} 行程各站均已启用电子驾驶证"),
            Verdict::NoCardNeeded => {
                format!("{on} 各站的当地法律或数字驾照都已涵盖这本驾照，无需携带实体驾驶证")
            }
            Verdict::NoValidLicense if !license.class().forbids_driving() => {
                let Some(refusal) = Refusal::of(blocking) else {
                    return format!("{on} 这本驾驶证不能驾车");
                };
                let names = |places: &[Place<'_>]| -> String {
                    let names: Vec<String> =
                        places.iter().map(|&place| self.place_name(place)).collect();
                    names.join("、")
                };
                let would: Vec<String> = refusal
                    .would
                    .iter()
                    .map(|(document, stops)| match stops.as_slice() {
                        [] => self.document(*document).to_string(),
                        _ => format!("{}（{}）", self.document(*document), names(stops)),
                    })
                    .collect();
                let would = if would.is_empty() {
                    String::new()
                } else {
                    format!("，须办理{}", would.join("和"))
                };
                format!("{on} 这本驾驶证不能在{}驾车{would}", names(&refusal.places))
            }
            Verdict::NoValidLicense => {
                format!(
                    "驾驶证状态为“{}”，无论电子驾驶证还是实体驾驶证都不能驾车",
                    license.chinese()
                )
            }
            Verdict::BringCard => {
                let mut places: Vec<String> = blocking
                    .iter()
                    .map(|place| {
                        let role = if place.home { "核发地" } else { "" };
                        let status = match (place.place, place.status) {
                            _ if place.judged_by == crate::verdict::Engine::Schemes => "",
                            (Place::World(_), _)
                                if place.place.division_in(Divisions::bundled()).is_none() =>
                            {
                                "尚无资料"
                            }
                            (_, Status::NotCovered) => "在中国大陆以外",
                            (_, status) => self.status(status),
                        };
                        let day = place.on.map_or(String::new(), |day| format!("（{day}）"));
                        format!("{role}{}{day}{status}", self.place(place.place))
                    })
                    .collect();
                // The candidates of an ambiguous stop that all agree read alike: say it once.
                places.dedup();
                if home_unknown {
                    places.push("驾驶证核发地未知".to_string());
                }
                if places.is_empty() {
                    places.push(format!("驾驶证状态“{}”", license.chinese()));
                }
                let beside: Vec<&str> = beside_card(blocking)
                    .into_iter()
                    .map(|document| self.document(document))
                    .collect();
                let beside = if beside.is_empty() {
                    String::new()
                } else {
                    format!("；还须携带{}", beside.join("和"))
                };
                format!("{on}，{}{beside}", places.join("，"))
            }
        }
    }

    fn check_column(&self, column: CheckColumn) -> String {
        match column {
            CheckColumn::Place => "地点".into(),
            CheckColumn::Where => "所在地".into(),
            CheckColumn::Date => "日期".into(),
            CheckColumn::LiveFrom => "电子驾驶证启用日期".into(),
            CheckColumn::Verdict(Some(on)) => format!("{on} 结论"),
            CheckColumn::Verdict(None) => "结论".into(),
        }
    }

    fn document(&self, document: Document) -> &'static str {
        match document {
            Document::DigitalLicence => "电子驾驶证",
            Document::LicenceCard => "实体驾驶证",
            Document::Idp1926 => "国际驾驶许可证（1926）",
            Document::Idp1949 => "国际驾驶许可证（1949）",
            Document::Idp1968 => "国际驾驶许可证（1968）",
            Document::Translation => "驾驶证翻译件",
            Document::TemporaryPermit => "临时机动车驾驶许可",
            Document::LocalLicence => "当地驾驶证",
            Document::IdentityDocument => "身份证件",
            Document::Registration => "登记凭证",
        }
    }

    fn crossing(&self, crossing: &Crossing<'_>) -> String {
        let finding = &crossing.finding;
        let from = format!("{}签发的驾驶证", self.place_name(crossing.licence));
        let mut text = match (&finding.needs, finding.basis) {
            (Needs::NoSource, _) | (_, None) => format!(
                "edl 没有来源说明{from}在当地是否有效：请查明是否需要国际驾驶许可证或翻译件"
            ),
            (needs, Some(basis)) => {
                let needs = match needs {
                    Needs::Valid => "在当地可直接使用".to_string(),
                    Needs::WithIdp(conventions) => format!(
                        "在当地须附国际驾驶许可证（{}）",
                        conventions
                            .iter()
                            .map(|convention| convention.id())
                            .collect::<Vec<_>>()
                            .join(" 或 ")
                    ),
                    Needs::WithTranslation(translation) if translation.unless_written_in => {
                        "在当地须附翻译件，以当地语言书写的除外".to_string()
                    }
                    Needs::WithTranslation(_) => "在当地须附翻译件".to_string(),
                    Needs::LocalPermitOnly(permit) => format!(
                        "在当地不能单独使用：须有{}",
                        self.document(permit.document())
                    ),
                    Needs::NotValid | Needs::NoSource => "在当地无效".to_string(),
                };
                format!(
                    "{from}{needs}（{}，{}）",
                    basis.id,
                    self.quality(basis.grade)
                )
            }
        };
        for note in &finding.notes {
            let said = match note {
                RecognitionNote::Said(wording) => self.wording(wording).to_string(),
                RecognitionNote::NotParty(party) => format!(
                    "{} 不是 {} 年公约的缔约方",
                    party.territory.code(),
                    party.convention.id()
                ),
                RecognitionNote::PartyUnknown {
                    issuer,
                    conventions,
                } => format!(
                    "edl 没有来源说明 {} 是否为 {} 年公约的缔约方",
                    issuer.code(),
                    conventions
                        .iter()
                        .map(|convention| convention.id())
                        .collect::<Vec<_>>()
                        .join(" 或 ")
                ),
                RecognitionNote::Gap(gap) => self.wording(&gap.reason).to_string(),
            };
            text.push('；');
            text.push_str(said.trim_end_matches('。'));
        }
        match &crossing.issuing {
            Some(Issuing::At(offices)) => {
                let names: Vec<&str> = offices
                    .iter()
                    .map(|office| self.wording(&office.name))
                    .collect();
                let province = super::office_province(offices)
                    .map_or("当地".to_string(), |place| self.place_name(place));
                text.push_str(&format!(
                    "；据 edl 的来源，{province}的办理地点：{}",
                    names.join("、")
                ));
            }
            Some(Issuing::NoSource(Some(gap))) => {
                text.push('；');
                text.push_str(self.wording(&gap.reason).trim_end_matches('。'));
            }
            Some(Issuing::NoSource(None)) => text.push_str("；当地办理地点：edl 没有来源"),
            None => {}
        }
        text
    }

    fn carry_line(&self, documents: &[Document], digital: Engine) -> String {
        let names: Vec<&str> = documents
            .iter()
            .map(|&document| match (document, digital) {
                // 电子驾驶证 is the mainland's 12123 licence; another issuer's is a 数字驾照.
                (Document::DigitalLicence, Engine::Schemes) => "数字驾照",
                _ => self.document(document),
            })
            .collect();
        if names.is_empty() {
            "携带：此驾驶证在当地不能驾车".to_string()
        } else {
            format!("携带：{}", names.join("、"))
        }
    }

    fn home_prefix(&self) -> &'static str {
        "核发地 "
    }

    fn reason(&self, why: &Why<'_>, place: Place<'_>) -> String {
        if let Some(scheme) = &why.scheme {
            return self.scheme_reason(scheme, place, false);
        }
        let Some(place) = place.division_in(Divisions::bundled()) else {
            return self.uncovered(why, place, false);
        };
        if let Some(settled) = why.settled {
            let here = match why.reason {
                Reason::LiveSince(day) => format!("；本地 {day} 起"),
                Reason::LiveBy(day) => format!("；本地最迟 {day}"),
                _ => String::new(),
            };
            return format!(
                "中国大陆{}{} 前各地均已确定启用{here}（依据见 edl show {}）",
                settled
                    .nationwide
                    .map_or(String::new(), |day| format!(" {day} 起全国推行，")),
                settled.by,
                place.code
            );
        }
        let mut text = match why.reason {
            Reason::NoFacts { .. } | Reason::WholeCountry | Reason::Scheme | Reason::Issuer => {
                return self.uncovered(why, Place::Division(place), false);
            }
            Reason::Outside {
                governed_by: Some(governor),
                ..
            } => format!(
                "{}由{}管辖（区划名录列在{}之下）：内地电子驾驶证在当地无效",
                place.short(),
                governor.short(),
                Divisions::bundled().province_of(place).short()
            ),
            Reason::Outside { .. } => format!("内地电子驾驶证在{}无效", place.short()),
            Reason::LiveSince(day) => format!("{day} 起已启用"),
            Reason::LiveBy(day) => format!("最迟 {day} 已启用（具体日期不详）"),
            Reason::RegionLiveBy(day) => format!("省内各地最迟 {day} 均已启用"),
            Reason::NotUntil(day) => format!("{day} 才启用"),
            Reason::NotBefore { earliest, latest } => {
                format!("{earliest} 之前未启用；最迟 {latest} 启用")
            }
            Reason::Uncertain {
                earliest,
                latest,
                on,
            } => {
                format!("在 {earliest} 至 {latest} 之间的某一天启用，{on} 可能尚未启用")
            }
            Reason::Region(count) => {
                let total = count.live + count.unknown + count.not_yet;
                let first = count.first.map_or(String::new(), |(division, day)| {
                    format!("；最早确定启用的是{}（{day} 起）", division.short())
                });
                format!(
                    "全省：{} 全省 {total} 个地点中确定已启用 {} 个，日期不详 {} 个，未启用 {} 个{first}；请指明城市",
                    count.on, count.live, count.unknown, count.not_yet
                )
            }
        };
        text.push_str(&grounds_text(why));
        match why.reason {
            Reason::Outside { .. } => {}
            _ => {
                let half = |id| why.rules.iter().find(|rule| rule.rule == id);
                let valid = half(RuleId::ValidNationwide)
                    .map(|rule| format!("已申领的电子驾驶证全国有效{}", cite(rule)));
                let police = half(RuleId::LocalVerification)
                    .map(|rule| format!("但尚未启用地区的交警可能无法核验{}", cite(rule)));
                let halves: Vec<String> = valid.into_iter().chain(police).collect();
                if !halves.is_empty() {
                    text.push_str(&format!(
                        "；{}：带实体驾驶证是稳妥的做法",
                        halves.join("，")
                    ));
                }
            }
        }
        text
    }

    fn home_reason(&self, why: &Why<'_>, place: Place<'_>) -> String {
        if let Some(scheme) = &why.scheme {
            return self.scheme_reason(scheme, place, true);
        }
        let Some(place) = place.division_in(Divisions::bundled()) else {
            return self.uncovered(why, place, true);
        };
        let name = place.short();
        let mut text = match why.reason {
            Reason::NoFacts { .. } | Reason::WholeCountry | Reason::Scheme | Reason::Issuer => {
                return self.uncovered(why, Place::Division(place), true);
            }
            Reason::Outside { .. } => {
                format!(
                    "{name}在中国大陆以外：edl 没有当地核发的驾驶证申领交管12123 电子驾驶证的来源"
                )
            }
            Reason::LiveSince(day) => format!("{name}核发的驾驶证自 {day} 起可申领电子驾驶证"),
            Reason::LiveBy(day) | Reason::RegionLiveBy(day) => {
                format!("{name}核发的驾驶证最迟自 {day} 起可申领电子驾驶证")
            }
            Reason::NotUntil(day) => format!("{name}核发的驾驶证在 {day} 之前没有电子驾驶证"),
            Reason::NotBefore { earliest, latest } => format!(
                "{name}核发的驾驶证在 {earliest} 之前没有电子驾驶证，最迟 {latest} 起可以申领"
            ),
            Reason::Uncertain {
                earliest,
                latest,
                on,
            } => format!(
                "{name}核发的驾驶证在 {earliest} 至 {latest} 之间的某一天起可申领电子驾驶证：{on} 可能尚不能"
            ),
            Reason::Region(count) => format!(
                "{name}核发的驾驶证：取决于哪个城市，{} 全省 {} 个地点中只有 {} 个确定已启用；请用 --home 指明城市",
                count.on,
                count.live + count.unknown + count.not_yet,
                count.live
            ),
        };
        text.push_str(&grounds_text(why));
        text
    }

    fn note(&self, note: &Note<'_>) -> String {
        match note {
            Note::Ambiguous { query, places, on } => {
                format!("“{query}”可能指 {}；{on} 的结论都相同", join_places(places))
            }
            Note::HomeUnknown { on, settled, rule } => format!(
                "{on} 能否持有电子驾驶证取决于驾驶证核发地：只有核发地已启用的驾驶证才能申领{}，而 {settled} 之前并非大陆各地都已确定启用；请用 --home 指明（如 --home 北京），或设置一次 EDL_HOME 供所有查询使用",
                cite_opt(rule)
            ),
            Note::License { state, rule } => format!(
                "驾驶证状态“{}”：{}{}；无论电子驾驶证还是实体驾驶证都不能合法驾车",
                state.chinese(),
                self.license_meaning(*state),
                cite_opt(rule)
            ),
            Note::LicenseUnknown { state, rule } => format!(
                "驾驶证状态“{}”：{}{}：请带实体驾驶证",
                state.chinese(),
                self.license_meaning(*state),
                cite_opt(rule)
            ),
            Note::VehiclePapers {
                papers,
                e_registration,
            } => {
                let mut text = format!(
                    "电子驾驶证只代替驾驶证：车辆的纸质行驶证须随车携带{}",
                    cite(papers)
                );
                if let Some(rule) = e_registration {
                    text.push_str(&format!(
                        "；电子行驶证{}在路面检查时不能代替纸质行驶证{}",
                        rule.from
                            .map_or(String::new(), |from| format!("（{from} 起试点）")),
                        cite(rule)
                    ));
                }
                text
            }
            Note::Stale {
                facts: Facts::Rollout,
                as_of,
                date,
            } => {
                format!(
                    "数据截至 {as_of}，比 {date} 早一年以上，可能已过时；请在交管12123 App 中确认"
                )
            }
            Note::Stale {
                facts: Facts::Schemes { apps },
                as_of,
                date,
            } => {
                let confirm = if apps.is_empty() {
                    "请向驾驶地的主管部门确认".to_string()
                } else {
                    let names: Vec<&str> = apps.iter().map(|s| self.wording(&s.name)).collect();
                    format!("请向{}的签发机构确认", names.join("、"))
                };
                format!(
                    "境外数字驾照规则的数据截至 {as_of}，比 {date} 早一年以上，可能已过时；{confirm}"
                )
            }
            Note::Place(note) => self.place_note(note),
        }
    }

    fn note_label(&self) -> &'static str {
        "注意："
    }

    fn colon(&self) -> &'static str {
        "："
    }

    fn list_separator(&self) -> &'static str {
        "；"
    }

    fn suggestion(&self, place: Placed<'_>) -> String {
        format!(
            "{}（{}，{}）",
            place.division.name(),
            place.division.pinyin(),
            place.province.name()
        )
    }

    fn advice(&self) -> [&'static str; 4] {
        [
            "须在交管12123 App 内实时出示电子驾驶证，截图无效",
            "手机没电或没有信号就无法出示，不确定时请带上实体驾驶证",
            "换证或准驾车型变更后，须在 App 内重新申领，电子驾驶证不会自动更新",
            "交警扣留驾驶证时需要实体驾驶证",
        ]
    }

    fn license_meaning(&self, state: LicenseState) -> &'static str {
        match state {
            LicenseState::Normal => "驾驶证正常",
            LicenseState::ViolationPending => "有交通违法未处理，驾驶证仍可使用",
            LicenseState::AccidentPending => "有交通事故未处理，驾驶证仍可使用",
            LicenseState::FullPoints => "记分已满 12 分：参加满分学习并考试合格前不得驾车",
            LicenseState::Suspended => "驾驶证被暂扣：发还之前不得驾车",
            LicenseState::Detained => "驾驶证被交警扣留：发还之前不得驾车",
            LicenseState::OverdueRenewal => "驾驶证逾期未换证：换证之前不得使用",
            LicenseState::OverdueReview => "驾驶证逾期未审验：审验之前不得使用",
            LicenseState::OverdueExam => "驾驶证逾期未体检：体检之前不得使用",
            LicenseState::Revoked => "驾驶证已被吊销",
            LicenseState::Cancelled => "驾驶证已被注销",
            LicenseState::Withdrawn => "驾驶证已被撤销",
            LicenseState::Locked => "驾驶证已锁定：请联系发证地公安交管部门",
            LicenseState::Stopped => "驾驶证已停止使用：请联系发证地公安交管部门",
            LicenseState::Seized => "驾驶证被交警扣押：发还之前不得驾车",
            LicenseState::CancelledRecoverable => {
                "驾驶证已注销，但通过科目一考试可以恢复：恢复之前不得驾车"
            }
            LicenseState::DeferredRenewal => "驾驶证延期换证：延期期间不得驾驶机动车",
            LicenseState::DeferredExam => "驾驶证延期体检：延期期间不得驾驶机动车",
            LicenseState::DeferredReview => "驾驶证延期审验：延期期间不得驾驶机动车",
            LicenseState::TransferredOut => {
                "驾驶证已转出到其他地方的公安交管部门；没有来源说明此时电子驾驶证显示什么、能否使用"
            }
        }
    }

    fn unknown_license_state(&self, text: &str) -> String {
        let known: Vec<&str> = LicenseState::ALL
            .iter()
            .map(|state| state.chinese())
            .collect();
        format!(
            "未知的驾驶证状态“{}”；可选：{}（或对应的英文 id）",
            echo(text),
            known.join("、")
        )
    }

    fn list_header(&self, on: Option<NaiveDate>) -> Vec<String> {
        let mut header: Vec<String> = ["省份", "地点", "代码", "电子驾驶证启用日期"]
            .map(String::from)
            .into();
        header.extend(on.map(|on| format!("{on} 状态")));
        header
    }

    fn list_counts(
        &self,
        on: NaiveDate,
        counts: &[(Status, usize)],
        total: usize,
        listed: Option<usize>,
    ) -> String {
        let counts: Vec<String> = counts
            .iter()
            .map(|(status, count)| format!("{} {count} 个", self.status(*status)))
            .collect();
        match listed {
            None => format!("{on}：{}（共 {total} 个地点）", counts.join("，")),
            Some(listed) => format!(
                "列出 {listed} 个；{on} 全部 {total} 个地点（不只列出的）：{}",
                counts.join("，")
            ),
        }
    }

    fn show_field(&self, field: ShowField) -> &'static str {
        match field {
            ShowField::Code => "代码：",
            ShowField::Level => "级别：",
            ShowField::Chain => "隶属：",
            ShowField::LiveFrom => "启用：",
            ShowField::Status => "状态：",
            ShowField::Verdict => "结论：",
            ShowField::Facts => "依据：",
        }
    }

    fn show_title(&self, place: Place<'_>) -> String {
        let division = match place {
            Place::Division(division) => division,
            Place::World(row) => {
                return match row.zh() {
                    Some(zh) => format!("{zh}（{}）", row.name()),
                    None => row.name().to_string(),
                };
            }
        };
        format!(
            "{}（{}，{}）",
            division.name(),
            division.short(),
            division.pinyin_display()
        )
    }

    fn show_level(&self, place: Place<'_>) -> String {
        match place {
            Place::Division(division) => format!(
                "{}（{}）",
                self.level(division.level),
                self.kind(division.kind)
            ),
            Place::World(row) => match row.kind {
                PlaceKind::Country => "国家或地区",
                PlaceKind::Subdivision => "一级行政区",
                PlaceKind::City => "城市",
            }
            .to_string(),
        }
    }

    fn show_status(&self, status: Status, on: NaiveDate, reason: &str) -> String {
        format!("{on} {}：{reason}", self.status(status))
    }

    fn claim(&self, claim: Claim) -> String {
        match claim {
            Claim::On {
                day,
                scheduled: false,
            } => format!("{day} 启用"),
            Claim::On {
                day,
                scheduled: true,
            } => format!("{day} 启用（事先公布）"),
            Claim::Within { from, until } => format!("在 {from} 至 {until} 之间某日启用"),
            Claim::By(day) => format!("最迟 {day} 已启用"),
            Claim::NotBefore(day) => format!("{day} 之前未启用"),
            Claim::Never => "不适用电子驾驶证".to_string(),
        }
    }

    fn wording<'w>(&self, wording: &'w Wording) -> &'w str {
        wording.zh.as_deref().unwrap_or(&wording.en)
    }

    fn not_a_country(&self, query: &str) -> String {
        format!("“{query}”不是国家、州或省（如 AU、HK、NSW）")
    }

    fn country_header(&self) -> [&'static str; 4] {
        ["代码", "州或省", "结论", "规定"]
    }

    fn scheme_timeline_header(&self) -> [&'static str; 5] {
        ["日期", "数字驾照", "规定", "变化", "可靠程度"]
    }

    fn rule_change(&self, change: crate::verdict::RuleChange) -> &'static str {
        match change {
            crate::verdict::RuleChange::Starts => "开始",
            crate::verdict::RuleChange::Ends => "结束",
        }
    }

    fn coverage_lines(&self, coverage: &crate::data::coverage::Coverage) -> Vec<String> {
        let list = |entries: &[crate::data::coverage::Covered]| -> String {
            entries
                .iter()
                .map(|entry| {
                    let name = entry.zh.as_deref().unwrap_or(&entry.name);
                    format!("{} {name}（{}）", entry.code, entry.ids.join("、"))
                })
                .collect::<Vec<_>>()
                .join("；")
        };
        let mut lines = vec![
            format!(
                "中国大陆以外（{}，版本 {}）：",
                coverage.origin, coverage.version
            ),
            format!("  已收录的数字驾照：{}", list(&coverage.covered)),
            format!("  部分驾照无需随身携带：{}", list(&coverage.no_card)),
            "  未收录（没有可靠来源：请带实体驾驶证）：".to_string(),
        ];
        lines.extend(coverage.gaps.iter().map(|gap| {
            format!(
                "    {}（{}）：{}",
                gap.jurisdictions.join("、"),
                gap.id,
                self.wording(&gap.wording)
            )
        }));
        lines.push("  其他地方：没有来源（请带实体驾驶证）".to_string());
        let crossings = &coverage.recognition;
        lines.push(format!(
            "跨境（data/recognition.toml，版本 {}）：",
            crossings.version
        ));
        lines.push(format!(
            "  有访客规定的地方：{}",
            list(&crossings.destinations)
        ));
        for parties in &crossings.parties {
            lines.push(format!(
                "  {} 年公约：缔约方 {}；非缔约方 {}；其他：未知",
                parties.convention,
                or_none(&parties.parties),
                or_none(&parties.not_parties)
            ));
        }
        lines.push("  空缺（请带实体驾驶证，edl 会说明哪些未知）：".to_string());
        lines.extend(crossings.gaps.iter().map(|gap| {
            format!(
                "    {}（{}）：{}",
                gap.jurisdictions.join("、"),
                gap.id,
                self.wording(&gap.wording)
            )
        }));
        lines.push(
            "  其他组合：没有来源（请带实体驾驶证，并查明是否需要国际驾驶许可证或翻译件）"
                .to_string(),
        );
        lines
    }

    fn show_schemes_heading(&self) -> &'static str {
        "数字驾照："
    }

    fn scheme_rule(&self, rule: &crate::data::schemes::Rule) -> String {
        use crate::data::schemes::Outcome;
        let outcome = match rule.outcome {
            Outcome::Counts => "有效",
            Outcome::CarryCard => "须带实体驾照",
            Outcome::Conflict => "来源说法不一",
        };
        let mut scope = Vec::new();
        if let Some(by) = &rule.by {
            scope.push(format!("仅{}", self.wording(by)));
        }
        if rule.may_not_hold {
            scope.push("限已有者".to_string());
        }
        if let Some(from) = rule.from {
            scope.push(format!("{from} 起"));
        }
        if let Some(until) = rule.until {
            scope.push(format!("至 {until}"));
        }
        if !rule.stages.is_empty() {
            let stages: Vec<&str> = rule.stages.iter().map(|&stage| stage_zh(stage)).collect();
            scope.push(stages.join("、"));
        }
        let scope = if scope.is_empty() {
            String::new()
        } else {
            format!("（{}）", scope.join("；"))
        };
        format!(
            "{} [{}] {outcome}{scope}：{}",
            rule.id,
            self.quality(rule.grade),
            self.wording(&rule.note)
        )
    }

    fn show_offices_heading(&self) -> &'static str {
        "当地许可办理地点："
    }

    fn office_line(&self, office: &crate::data::recognition::Office) -> String {
        let since = office
            .from
            .map_or(String::new(), |from| format!("；{from} 起"));
        let note = office
            .note
            .as_ref()
            .map_or(String::new(), |note| format!("：{}", self.wording(note)));
        let division = Divisions::bundled()
            .get(office.division)
            .map_or(String::new(), |division| format!(" {}", division.name()));
        format!(
            "{} [{}] {}：{}（{}{division}{since}）{note}",
            office.id,
            self.quality(office.grade),
            self.document(office.permit.document()),
            self.wording(&office.name),
            office.division
        )
    }

    fn show_visitors_heading(&self) -> &'static str {
        "外来驾驶证："
    }

    fn visitor_rule(
        &self,
        rule: &crate::data::recognition::Rule,
        only: &[&str],
        except: &[&str],
    ) -> String {
        use crate::data::recognition::{Issued, Language, Outcome, TranslationKind};
        let outcome = match &rule.outcome {
            Outcome::Valid => "可直接使用".to_string(),
            Outcome::Idp(conventions) => format!(
                "须附国际驾驶许可证（{}）",
                conventions
                    .iter()
                    .map(|convention| convention.id())
                    .collect::<Vec<_>>()
                    .join("或")
            ),
            Outcome::Translation(translation) => {
                let language = match translation.language {
                    Language::En => "英文",
                    Language::Ja => "日文",
                    Language::De => "德文",
                    Language::It => "意大利文",
                    Language::Zh => "中文",
                };
                let kind = match translation.kind {
                    TranslationKind::Any => "",
                    TranslationKind::Official => "官方",
                    TranslationKind::Sworn => "宣誓",
                    TranslationKind::Approved => "认可的",
                };
                let unless = if translation.unless_written_in {
                    "，驾驶证本为该语言的除外"
                } else {
                    ""
                };
                format!("须附{kind}{language}翻译件{unless}")
            }
            Outcome::LocalPermit(permit) => format!("只能凭{}", self.document(permit.document())),
            Outcome::NotValid => "不能使用".to_string(),
        };
        let mut scope = vec![
            match rule.issuers.issued {
                Issued::Abroad => "外国或境外签发的驾驶证",
                Issued::SameCountry => "本国其他地区签发的驾驶证",
                Issued::Elsewhere => "外地签发的驾驶证",
            }
            .to_string(),
        ];
        if !only.is_empty() {
            scope.push(format!("仅 {}", only.join("、")));
        }
        if !except.is_empty() {
            scope.push(format!("{} 除外", except.join("、")));
        }
        if let Some(from) = rule.from {
            scope.push(format!("{from} 起"));
        }
        if let Some(until) = rule.until {
            scope.push(format!("至 {until}"));
        }
        let note = rule
            .note
            .as_ref()
            .map_or(String::new(), |note| format!("：{}", self.wording(note)));
        format!(
            "{} [{}] {outcome}（{}）{note}",
            rule.id,
            self.quality(rule.grade),
            scope.join("；")
        )
    }

    fn baseline_line(&self, id: &str, grade: Quality, note: &str) -> String {
        format!("无需携带驾照：{id} [{}]：{note}", self.quality(grade))
    }

    fn gap_line(&self, id: &str, reason: &str) -> String {
        format!("资料缺口：{id}：{reason}")
    }

    fn fact_about(&self, id: &str, claim: &str, about: &str) -> String {
        format!("{id}：{claim}，涉及 {about}")
    }

    fn default_window(&self, earliest: NaiveDate, latest: NaiveDate) -> String {
        format!("默认范围 {earliest}..{latest}（没有事实给出的日期界限）：")
    }

    fn timeline_header(&self) -> [&'static str; 7] {
        [
            "日期",
            "进展",
            "城市数（公布）",
            "确定已启用",
            "新确定",
            "可能已启用",
            "来源",
        ]
    }

    fn timeline_footer(&self) -> &'static str {
        "城市：地级行政区和直辖市。“确定已启用”：启用日期确知在当日或之前。“可能已启用”：启用日期不详，但其范围包含当日（多数为 2021-10-20..2021-12-31：没有来源给出具体日期）。\n“新确定”是自上一步以来范围结束的城市数，不是当时启用的城市数：2022 年那一行的城市在 2021 年已启用，只是没有来源给出具体日期。"
    }

    fn data_summary(&self, summary: &DataSummary<'_>) -> Vec<String> {
        let sources: Vec<String> = summary
            .sources
            .iter()
            .map(|(quality, count)| format!("{} {count} 个", self.quality(*quality)))
            .collect();
        let origin = if summary.origin == "bundled" {
            "内置"
        } else {
            summary.origin
        };
        vec![
            format!(
                "推广数据 {}，截至 {}（{origin}）",
                summary.version, summary.as_of
            ),
            format!(
                "行政区划：县级 {} 个，地级 {} 个，省级 {} 个（内置，含香港、澳门、台湾）",
                summary.counties, summary.prefectures, summary.provinces
            ),
            format!(
                "事实 {} 条，涉及 {} 个地点；全国进展 {} 项",
                summary.facts, summary.places_named, summary.milestones
            ),
            format!(
                "来源 {} 个（{}）",
                summary.sources.iter().map(|(_, n)| n).sum::<usize>(),
                sources.join("，")
            ),
        ]
    }

    fn sources_header(&self) -> [&'static str; 3] {
        ["来源", "可靠性", "标题与网址"]
    }

    fn batch_header(&self) -> [&'static str; 4] {
        ["查询", "日期", "地点", "结论"]
    }

    fn error_word(&self) -> &'static str {
        "错误"
    }

    fn empty_place(&self) -> String {
        "地点为空：请输入城市、区县名称或代码".to_string()
    }

    fn place_too_long(&self, bytes: usize, limit: usize) -> String {
        format!("地点过长（{bytes} 字节；地点或地址开头不超过 {limit} 字节）")
    }

    fn unknown_place(&self, query: &str, suggestions: &[String]) -> String {
        if suggestions.is_empty() {
            format!("未知地点“{query}”；请输入城市或区县的名称、拼音或六位代码")
        } else {
            format!(
                "未知地点“{query}”；您要找的是不是 {}？",
                suggestions.join("、")
            )
        }
    }

    fn ambiguous(&self, ambiguous: &Ambiguous<'_>) -> String {
        let listed: Vec<String> = ambiguous
            .candidates
            .iter()
            .zip(&ambiguous.hints)
            .map(|((place, verdict), hint)| {
                format!(
                    "{}：{}",
                    self.candidate(*place, hint.as_deref()),
                    self.verdict(*verdict)
                )
            })
            .collect();
        format!(
            "“{query}”可能指 {} 个地点，{} 的结论各不相同：{}；{}",
            ambiguous.candidates.len(),
            ambiguous.on,
            listed.join("；"),
            retype(Retype::of(
                ambiguous.candidates.iter().map(|(place, _)| *place)
            )),
            query = ambiguous.query,
        )
    }

    fn several_places(&self, query: &str, places: &[(Place<'_>, Option<String>)]) -> String {
        let listed: Vec<String> = places
            .iter()
            .map(|(place, hint)| self.candidate(*place, hint.as_deref()))
            .collect();
        format!(
            "“{query}”可能指 {} 个地点：{}；{}",
            places.len(),
            listed.join("；"),
            retype(Retype::of(places.iter().map(|(place, _)| *place))),
        )
    }

    fn not_a(&self, query: &str, level: Option<Level>) -> String {
        match level {
            Some(level) => format!("“{query}”不是{}行政区", self.level(level)),
            None => format!("“{query}”不是地点"),
        }
    }

    fn in_option(&self, option: &str) -> String {
        format!("{option} 参数")
    }

    fn in_variable(&self, variable: &str) -> String {
        format!("环境变量 {variable}")
    }

    fn batch_line(&self, number: usize) -> String {
        format!("第 {number} 行")
    }

    fn bad_date(&self, text: &str, why: &str) -> String {
        format!("日期“{text}”有误：{why}")
    }

    fn bad_moment(&self, text: &str) -> String {
        format!("时刻“{text}”有误：格式应为 2026-12-07T20:00:00Z（RFC 3339）")
    }

    fn home_date(&self) -> &'static str {
        "核发地不带日期：按第一站的日期判断"
    }

    fn date_for_place(&self, text: &str) -> String {
        format!("“{text}”是日期，不是地点")
    }

    fn date_problem(&self, error: DateError) -> String {
        match error {
            DateError::Shape => {
                "日期格式应为 2021-06-01、2021/6/1、20210601、2021年6月1日，或 today、tomorrow、yesterday、+Nd".to_string()
            }
            DateError::NoSuchDay => "日历上没有这一天".to_string(),
            DateError::OutOfRange => format!("日期须在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间"),
        }
    }

    fn not_utf8(&self, in_date: bool) -> &'static str {
        if in_date {
            "日期不是 UTF-8 文本"
        } else {
            "这一行不是 UTF-8 文本"
        }
    }

    fn line_has_nul(&self) -> &'static str {
        "这一行含有 NUL 字节"
    }

    fn line_too_long(&self, bytes: u64, limit: usize) -> String {
        format!("这一行过长（{bytes} 字节；地点、制表符和日期最多 {limit} 字节），已跳过")
    }

    fn too_many_places(&self, count: usize, limit: usize) -> String {
        format!("地点太多（{count} 个；一次行程最多 {limit} 个）：请每行一个交给 `edl check -`")
    }

    fn path_too_long(&self, bytes: usize, start: &str, limit: usize) -> String {
        format!("数据文件的路径过长（{bytes} 字节，“{start}”；路径最多 {limit} 字节）")
    }

    fn too_many_arguments(&self, count: usize, limit: usize) -> String {
        format!(
            "参数太多（{count} 个；edl 最多接受 {limit} 个）：请把地点每行一个交给 `edl check -`"
        )
    }

    fn empty_batch(&self) -> &'static str {
        "标准输入中没有查询：`edl check -` 每行读取一个地点（PLACE、PLACE@DATE 或 PLACE<TAB>DATE）"
    }

    fn dash_alone(&self) -> &'static str {
        "`-`（从标准输入读取地点）必须是唯一的 PLACE"
    }

    fn did_you_mean(&self, suggested: &str) -> String {
        format!("；是不是要输入“{suggested}”？")
    }

    fn usage_error(&self, error: &clap::Error) -> Option<String> {
        let context = |kind| match error.get(kind) {
            Some(ContextValue::String(text)) => Some(text.clone()),
            Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
            _ => None,
        };
        let value = context(ContextKind::InvalidValue).unwrap_or_default();
        let argument = context(ContextKind::InvalidArg).unwrap_or_default();
        match error.kind() {
            ErrorKind::ValueValidation => {
                let source = std::error::Error::source(error);
                if let Some(date) = source.and_then(|source| source.downcast_ref::<DateError>()) {
                    return Some(self.bad_date(&value, &self.date_problem(*date)));
                }
                if let Some(state) =
                    source.and_then(|source| source.downcast_ref::<UnknownLicenseState>())
                {
                    return Some(format!(
                        "{argument} 参数：{}",
                        self.unknown_license_state(&state.0)
                    ));
                }
                Some(format!("{argument} 的值“{value}”无效"))
            }
            ErrorKind::InvalidValue => Some(format!(
                "{argument} 的值“{value}”无效；可选：{}",
                context(ContextKind::ValidValue).unwrap_or_default()
            )),
            ErrorKind::MissingRequiredArgument => Some(format!("缺少必需的参数：{argument}")),
            ErrorKind::UnknownArgument => Some(format!("未知参数“{argument}”")),
            ErrorKind::InvalidSubcommand => Some(format!(
                "未知子命令“{}”",
                context(ContextKind::InvalidSubcommand).unwrap_or_default()
            )),
            ErrorKind::InvalidUtf8 => Some("参数不是 UTF-8 文本".to_string()),
            _ => None,
        }
    }

    fn help(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "about" => {
                "在您驾车的时间和地点，数字驾照（中国的电子驾驶证或其他地方的数字驾照）是否够用，还是需要带实体驾驶证？"
            }
            "options.data" => {
                "使用这个推广数据文件或数字驾照方案文件（TOML，不超过 1 MiB 的普通文件），代替内置的同类数据"
            }
            "options.color" => "何时使用颜色",
            "options.lang" => {
                "输出语言：zh 中文，en 英文［默认按区域设置 LC_ALL、LC_MESSAGES、LANG］"
            }
            "after_help" => {
                "退出码：\n  0  电子驾驶证即可：出行日期行程各站均已启用电子驾驶证（中国大陆以外：这本驾照的数字驾照在各站有效）；无需带驾驶证：有一站当地法律不要求随身携带这本驾照，其余各站电子驾驶证即可\n  1  请带实体驾驶证：有一站尚未启用、不能确定已启用或在中国大陆以外；或核发地尚未启用，或在大陆各地确定启用之前未给出 --home；或驾驶证状态为转出；中国大陆以外：没有来源说明这本驾照在当地有效、有来源要求携带实体驾照或来源说法不一\n  2  错误：用法错误、地点未知或有歧义、日期错误、数据文件错误；check - 中有任何一行出错或没有任何查询\n  3  驾驶证不可用：驾驶证状态不允许驾车；或跨境时这本驾驶证在当地不能驾车（无效，或须有当地的许可或驾驶证）\n\n环境变量：\n  EDL_DATA     代替内置数据的推广数据文件或数字驾照方案文件（同 --data）\n  EDL_LICENSE  --license 的默认值\n  EDL_HOME     --home 的默认值\n  EDL_LANG     --lang 的默认值\n  EDL_NOW      用于测试和可复现的运行：当作现在的时刻（2026-12-07T20:00:00Z）\n  NO_COLOR     --color auto 时不使用颜色（TERM=dumb 时也不使用）"
            }
            "check" => "判断行程每一站是否可以只用电子驾驶证",
            "check.places" => {
                "要去的地方：成都、chengdu、区县（昆山）、代码（510100）、“suzhou, anhui”或地址开头；多个地点为一段行程（最多 100 个，每个不超过 512 字节）。地点@日期 表示这一站按自己的日期判断（成都@2021-06-01）。`-` 表示从标准输入逐行读取（地点、地点<TAB>日期或地点@日期），超过 523 字节的行作为错误跳过"
            }
            "check.on" => {
                "出行日期，用于未自带日期的各站：2021-06-01、2021-6-1、2021/6/1、20210601、2021年6月1日、today、tomorrow、yesterday，或 +Nd（今天之后 N 天）［默认：各站当地今天，按其时区；中国为 UTC+8］"
            }
            "check.license" => {
                "交管12123 App 显示的驾驶证状态：可以使用：正常、违法未处理、事故未处理；红码，不得驾车：记满12分（也可写超分、满分）、暂扣、扣留、扣押、逾期未换证、逾期未审验、逾期未体检；不再显示：吊销、注销、撤销、锁定、停止使用；不得驾车：注销可恢复、延期换证、延期体检、延期审验；没有来源：转出（回答“请带实体驾驶证”）。也可用英文 id"
            }
            "check.home" => {
                "驾驶证核发地：全国推行之前，只有核发地已启用的驾驶证才能申领电子驾驶证；不指明时，在大陆各地都确定启用（2021-12-31）之前的日期回答“请带实体驾驶证”。各站日期不同时，按第一站的日期判断。中国大陆以外的驾照写核发的州或国家（NSW、Queensland、Montana、JP、PL、HK）"
            }
            "check.stage" => {
                "驾照阶段（full 正式、provisional 试用、learner 学习），用于中国大陆以外与阶段有关的规定（昆士兰州数字驾照的来源只涉及正式驾照；马来西亚的学习驾照须带实体卡）"
            }
            "check.issued" => {
                "驾照的核发日期（YYYY-MM-DD），用于与之有关的规定（乌克兰 Diia 不收 2013 年以前核发的驾照）"
            }
            "check.holder" => {
                "持证人是否为核发国公民（citizen 公民、non-citizen 非公民），用于与之有关的规定（马来西亚 MyJPJ 只供公民使用）"
            }
            "check.has_digital" => {
                "持证人已有这本驾照的数字版本，用于只在此时适用的规定：并非每位持证人都已有（欧盟移动驾照要等核发国签发，智利的在初次领证或换证时发放）；不指明时，这类规定回答“请带实体驾驶证”"
            }
            "check.format" => "输出格式",
            "check.quiet" => "不输出任何内容，只用退出码回答",
            "list" => "列出各地的电子驾驶证启用日期（及某日的状态）",
            "list.on" => "显示各地在这一天的状态并计数",
            "list.province" => "只列这个省份（名称、拼音或代码）",
            "list.country" => {
                "中国大陆以外：列出这个国家的各州或各省（AU、US、Australia），以及 --home 核发的驾照在当日各地的效力"
            }
            "list.home" => "与 --country 一起用：驾照的核发地（NSW、Montana、JP）",
            "list.stage" => {
                "与 --country 一起用：驾照阶段（full 正式、provisional 试用、learner 学习）"
            }
            "list.issued" => "与 --country 一起用：驾照的核发日期（YYYY-MM-DD），同 check",
            "list.holder" => {
                "与 --country 一起用：持证人是否为核发国公民（citizen 公民、non-citizen 非公民），同 check"
            }
            "list.has_digital" => "与 --country 一起用：持证人已有这本驾照的数字版本，同 check",
            "list.level" => "列出哪一级行政区",
            "list.status" => "只列这一状态的地点（--on 的日期，默认今天）",
            "list.format" | "show.format" | "timeline.format" | "data.format" => "输出格式",
            "show" => "一个地点的全部信息：名称、隶属、启用日期、依据的事实和来源",
            "show.place" => "地点：名称、拼音、代码，或带省份的名称",
            "show.on" => "状态行的日期［默认：中国今天］",
            "timeline" => "全国推广的进展，以及每一步启用的城市数",
            "timeline.country" => "中国大陆以外：这个国家数字驾照规定的时间线（AU、US）",
            "data" => "推广数据的版本、数量和来源；或检查一个推广数据文件",
            "data.check" => "检查这个推广数据文件或数字驾照方案文件，报告问题（前 100 处）及其行列",
            "completions" => "输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）",
            "completions.shell" => "为哪种 shell 输出",
            "man" => "输出手册页（roff）",
            _ => return None,
        })
    }
}

fn stage_zh(stage: Stage) -> &'static str {
    match stage {
        Stage::Full => "正式驾照",
        Stage::Provisional => "试用期驾照",
        Stage::Learner => "学习驾照",
    }
}

fn holder_kind_zh(kind: HolderKind) -> &'static str {
    match kind {
        HolderKind::Citizen => "本国公民",
        HolderKind::NonCitizen => "非本国公民",
    }
}

/// How an ambiguity's message ends: what to type instead.
fn retype(offer: Retype) -> &'static str {
    match offer {
        Retype::QueryOrCode => "请输入所指地点后面给出的写法，或使用代码",
        Retype::Query => "请输入所指地点后面给出的写法",
    }
}
