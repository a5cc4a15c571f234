//! 中文。Place names stay as the divisions table writes them (成都市, 四川省); dates stay ISO.

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::{Blocking, DataSummary, Messages, ShowField};
use crate::cli::{DateError, FIRST_YEAR, LAST_YEAR};
use crate::data::{Claim, Division, Kind, Level, Quality};
use crate::verdict::{Ambiguous, Ground, LicenseState, Note, Placed, Reason, Status, Verdict, Why};

pub struct Chinese;

fn join_places(places: &[Placed<'_>]) -> String {
    places
        .iter()
        .map(|&place| Chinese.place_in(place))
        .collect::<Vec<_>>()
        .join("、")
}

impl Messages for Chinese {
    fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::ELicense => "电子驾驶证即可",
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
        }
    }

    fn never(&self) -> &'static str {
        "不适用"
    }

    fn place(&self, division: &Division) -> String {
        division.name().to_string()
    }

    fn place_in(&self, place: Placed<'_>) -> String {
        if place.province.code == place.division.code {
            place.division.name().to_string()
        } else {
            format!("{}（{}）", place.division.name(), place.province.name())
        }
    }

    fn headline(
        &self,
        verdict: Verdict,
        on: NaiveDate,
        license: LicenseState,
        blocking: &[Blocking<'_>],
    ) -> String {
        match verdict {
            Verdict::ELicense => format!("{on} 行程各站均已启用电子驾驶证"),
            Verdict::NoValidLicense => {
                format!(
                    "驾驶证状态为“{}”，无论电子驾驶证还是实体驾驶证都不能驾车",
                    license.chinese()
                )
            }
            Verdict::BringCard => {
                let places: Vec<String> = blocking
                    .iter()
                    .map(|place| {
                        let role = if place.home { "核发地" } else { "" };
                        format!(
                            "{role}{}{}",
                            place.division.name(),
                            self.status(place.status)
                        )
                    })
                    .collect();
                format!("{on}，{}", places.join("，"))
            }
        }
    }

    fn check_header(&self, on: NaiveDate) -> [String; 4] {
        [
            "地点".into(),
            "省份".into(),
            "电子驾驶证启用日期".into(),
            format!("{on} 状态"),
        ]
    }

    fn home_prefix(&self) -> &'static str {
        "核发地 "
    }

    fn reason(&self, why: &Why<'_>, place: &Division) -> String {
        let mut text = match why.reason {
            Reason::Outside => format!("电子驾驶证仅在中国大陆有效，{}不在其内", place.short()),
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
            Reason::RegionUncertain {
                earliest,
                latest,
                on,
            } => {
                format!("全省各地在 {earliest} 至 {latest} 之间陆续启用，{on} 部分地区可能尚未启用")
            }
        };
        let grounds: Vec<String> = why
            .grounds
            .iter()
            .map(|ground| match ground {
                Ground::Fact { id, quality } => format!("{id}，{}", self.quality(*quality)),
                Ground::DefaultWindow { earliest, latest } => format!(
                    "没有来源给出具体日期：第二批自 {earliest} 起；2021-12-10 起全国推行，个别地区稍晚，{latest} 前全部启用"
                ),
                Ground::DefaultEarliest(day) => format!("不早于 {day}（第二批开始）"),
                Ground::DefaultLatest(day) => format!("不晚于 {day}（2021 年底的目标）"),
                Ground::Place { division, date } => format!("{} {date}", division.short()),
            })
            .collect();
        if !grounds.is_empty() {
            text = format!("{text}（{}）", grounds.join("；"));
        }
        if why.low_quality {
            text.push_str("；仅有不可靠的来源");
        }
        text
    }

    fn note(&self, note: &Note<'_>) -> String {
        match note {
            Note::Ambiguous { query, places, on } => {
                format!("“{query}”可能指 {}；{on} 的结论都相同", join_places(places))
            }
            Note::Home { places, on } => format!(
                "驾驶证核发地为 {}，{on} 该地不能确定已启用电子驾驶证：全国推行之前，只有核发地已启用的驾驶人才能申领",
                join_places(places)
            ),
            Note::License(state) => format!(
                "驾驶证状态“{}”：{}；无论电子驾驶证还是实体驾驶证都不能合法驾车",
                state.chinese(),
                self.license_meaning(*state)
            ),
            Note::Stale { as_of, date } => {
                format!(
                    "数据截至 {as_of}，比 {date} 早一年以上，可能已过时；请在交管12123 App 中确认"
                )
            }
        }
    }

    fn note_label(&self) -> &'static str {
        "注意："
    }

    fn colon(&self) -> &'static str {
        "："
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
        }
    }

    fn list_header(&self, on: Option<NaiveDate>) -> Vec<String> {
        let mut header: Vec<String> = ["省份", "地点", "代码", "电子驾驶证启用日期"]
            .map(String::from)
            .into();
        header.extend(on.map(|on| format!("{on} 状态")));
        header
    }

    fn list_counts(&self, on: NaiveDate, counts: &[(Status, usize)], total: usize) -> String {
        let counts: Vec<String> = counts
            .iter()
            .map(|(status, count)| format!("{} {count} 个", self.status(*status)))
            .collect();
        format!("{on}：{}（共 {total} 个地点）", counts.join("，"))
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

    fn show_title(&self, division: &Division) -> String {
        format!(
            "{}（{}，{}）",
            division.name(),
            division.short(),
            division.pinyin_display()
        )
    }

    fn show_level(&self, level: Level, kind: Kind) -> String {
        format!("{}（{}）", self.level(level), self.kind(kind))
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
            "数据中已启用",
            "新增",
            "不确定",
            "来源",
        ]
    }

    fn timeline_footer(&self) -> &'static str {
        "城市：地级行政区和直辖市；“数据中已启用”为当日可以确定已启用的城市数"
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

    fn batch_header(&self) -> [&'static str; 6] {
        ["查询", "日期", "结论", "地点", "电子驾驶证启用日期", "状态"]
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
            .map(|(place, verdict)| {
                format!(
                    "{} {}：{}",
                    self.place_in(*place),
                    place.division.code,
                    self.verdict(*verdict)
                )
            })
            .collect();
        format!(
            "“{query}”可能指 {} 个地点，{} 的结论各不相同：{}；请加上省份（“{query}，省份”）或使用代码",
            ambiguous.candidates.len(),
            ambiguous.on,
            listed.join("；"),
            query = ambiguous.query,
        )
    }

    fn several_places(&self, query: &str, places: &[String]) -> String {
        format!(
            "“{query}”可能指 {} 个地点：{}；请加上省份或使用代码",
            places.len(),
            places.join("；")
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

    fn date_problem(&self, error: DateError) -> String {
        match error {
            DateError::Shape => "日期格式应为 YYYY-MM-DD，或 today、tomorrow".to_string(),
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
        "标准输入中没有查询：`edl check -` 每行读取一个地点（PLACE 或 PLACE<TAB>DATE）"
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
                match source.and_then(|source| source.downcast_ref::<DateError>()) {
                    Some(date) => Some(self.bad_date(&value, &self.date_problem(*date))),
                    None => Some(format!("{argument} 的值“{value}”无效")),
                }
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
                "在您驾车的时间和地点，电子驾驶证（交管12123）是否够用，还是需要带实体驾驶证？"
            }
            "options.data" => {
                "使用这个推广数据文件（TOML，不超过 1 MiB 的普通文件），代替内置的数据"
            }
            "options.color" => "何时使用颜色",
            "options.lang" => {
                "输出语言：zh 中文，en 英文［默认按区域设置 LC_ALL、LC_MESSAGES、LANG］"
            }
            "after_help" => {
                "退出码：\n  0  电子驾驶证即可：出行日期行程各站均已启用电子驾驶证\n  1  请带实体驾驶证：有一站尚未启用、不能确定已启用或在中国大陆以外；或核发地尚未启用\n  2  错误：用法错误、地点未知或有歧义、日期错误、数据文件错误；check - 中有任何一行出错或没有任何查询\n  3  驾驶证不可用：驾驶证状态不允许驾车\n\n环境变量：\n  EDL_DATA     代替内置数据的推广数据文件（同 --data）\n  EDL_LICENSE  --license 的默认值\n  EDL_HOME     --home 的默认值\n  EDL_LANG     --lang 的默认值\n  NO_COLOR     --color auto 时不使用颜色（TERM=dumb 时也不使用）"
            }
            "check" => "判断行程每一站是否可以只用电子驾驶证",
            "check.places" => {
                "要去的地方：成都、chengdu、区县（昆山）、代码（510100）、“suzhou, anhui”或地址开头；多个地点为一段行程（最多 100 个，每个不超过 512 字节）。`-` 表示从标准输入逐行读取，超过 523 字节的行作为错误跳过"
            }
            "check.on" => "出行日期：YYYY-MM-DD、today 或 tomorrow［默认：中国今天，UTC+8］",
            "check.license" => {
                "交管12123 App 显示的驾驶证状态，如 正常、违法未处理、暂扣、吊销，或英文 id"
            }
            "check.home" => {
                "驾驶证核发地：全国推行之前，只有核发地已启用的驾驶人才能申领电子驾驶证"
            }
            "check.format" => "输出格式",
            "check.quiet" => "不输出任何内容，只用退出码回答",
            "list" => "列出各地的电子驾驶证启用日期（及某日的状态）",
            "list.on" => "显示各地在这一天的状态并计数",
            "list.province" => "只列这个省份（名称、拼音或代码）",
            "list.level" => "列出哪一级行政区",
            "list.status" => "只列这一状态的地点（--on 的日期，默认今天）",
            "list.format" | "show.format" | "timeline.format" | "data.format" => "输出格式",
            "show" => "一个地点的全部信息：名称、隶属、启用日期、依据的事实和来源",
            "show.place" => "地点：名称、拼音、代码，或带省份的名称",
            "show.on" => "状态行的日期［默认：中国今天］",
            "timeline" => "全国推广的进展，以及每一步启用的城市数",
            "data" => "推广数据的版本、数量和来源；或检查一个推广数据文件",
            "data.check" => "检查这个推广数据文件，报告问题（前 100 处）及其行列",
            "completions" => "输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）",
            "man" => "输出手册页（roff）",
            _ => return None,
        })
    }
}
