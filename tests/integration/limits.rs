//! Bounded memory and time on any input: each test feeds `edl` something built to cost it (a
//! 300 MB line, `/dev/zero` as the data file, a FIFO, 100,000 arguments…) and checks that it is
//! refused as documented, exit code 2 and one stderr line per problem, with the peak resident
//! memory of that run under 16 MiB.
//!
//! The peak is the kernel's own count for the finished `edl` process: the rusage that `wait4`
//! returns for its pid. Not from this test process, though: Linux carries the memory of the
//! process that spawned a program into that program's peak (`exec` keeps the old peak), and
//! this one holds well over 100 MiB while the tests run in parallel. So `edl` is started by a
//! small helper, this same binary started afresh (see [`peak_helper`]), which forks it, waits
//! for it and writes down its peak. (`RUSAGE_CHILDREN` would not do either: it mixes in every
//! child a process has had.)
//!
//! Time: a release build answers each case in well under a second (bench/run measures them).
//! These are not timed tests: a debug build on a shared machine is too uneven to assert a
//! second on, so a run still going after [`TIMEOUT`] is killed and fails as a hang. Each test
//! prints its figures; see them with `cargo test limits -- --nocapture`.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use edl::output::CHECK_TSV_HEADER;

/// A run still going after this is a hang, not a slow answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The most a run may hold at its peak, whatever it was fed, in a release build.
const PEAK_KIB: i64 = 16 * 1024;

/// A release binary's own start-up (`bench/run` reports about 5 MiB for `check 成都`). The
/// tests run the debug binary, whose start-up is larger and grows with the tables, so what an
/// input costs is measured above that binary's own start (`edl --version`) and held to what
/// keeps a release run under [`PEAK_KIB`].
const RELEASE_START_KIB: i64 = 5 * 1024;

/// The peak of `edl --version` with the binary under test: its own start-up.
fn start_kib() -> i64 {
    static START: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *START.get_or_init(|| edl(["--version"]).run("start-up").peak_kib)
}

/// Output kept for the checks; more is counted, not held.
const KEPT: usize = 1 << 20;

/// What one run did, and what it cost.
struct Measured {
    code: i32,
    stdout: String,
    stdout_bytes: usize,
    stderr: String,
    peak_kib: i64,
    elapsed: Duration,
}

/// Writes a run's stdin while it runs.
type Feed = Box<dyn FnOnce(&mut dyn Write) + Send>;

/// A run of `edl` to measure: its arguments, environment and what it reads on stdin.
struct Run {
    args: Vec<OsString>,
    env: Vec<(&'static str, OsString)>,
    stdin: Option<Feed>,
    timeout: Duration,
}

fn edl<S: Into<OsString>>(args: impl IntoIterator<Item = S>) -> Run {
    Run {
        args: args.into_iter().map(Into::into).collect(),
        env: Vec::new(),
        stdin: None,
        timeout: TIMEOUT,
    }
}

impl Run {
    fn env(mut self, name: &'static str, value: impl Into<OsString>) -> Run {
        self.env.push((name, value.into()));
        self
    }

    /// Stdin written by `feed` while `edl` runs (a pipe, as in a shell pipeline).
    fn stdin(mut self, feed: impl FnOnce(&mut dyn Write) + Send + 'static) -> Run {
        self.stdin = Some(Box::new(feed));
        self
    }

    /// A longer wait before a run counts as a hang, for one that does much work: in a debug
    /// build on a loaded machine it may take several times [`TIMEOUT`]'s share.
    fn within(mut self, timeout: Duration) -> Run {
        self.timeout = timeout;
        self
    }

    /// Runs `edl` to its end (or kills it after its timeout) and reads its peak memory.
    /// Runs edl and checks what it cost: no hang, no panic, and a peak within the bound.
    fn measure(self, what: &str) -> Measured {
        let measured = self.run(what);
        let start = start_kib();
        assert!(
            measured.peak_kib - start < PEAK_KIB - RELEASE_START_KIB,
            "{what}: peak memory {} KiB, {} KiB above the binary's own start ({start} KiB), over {} KiB",
            measured.peak_kib,
            measured.peak_kib - start,
            PEAK_KIB - RELEASE_START_KIB
        );
        measured
    }

    /// Runs edl, with its peak memory and time, and no hang.
    fn run(self, what: &str) -> Measured {
        let peak_file = std::env::temp_dir().join(format!(
            "edl-limits-peak-{}-{}",
            std::process::id(),
            PEAK_RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let mut command = Command::new(std::env::current_exe().expect("the test binary"));
        command.env(PEAK_FILE, &peak_file);
        for name in [
            "EDL_DATA",
            "EDL_LICENSE",
            "EDL_HOME",
            "EDL_LANG",
            "LANG",
            "NO_COLOR",
        ] {
            command.env_remove(name);
        }
        command
            .env("LC_ALL", "C.UTF-8")
            .env("TERM", "xterm-256color")
            // The day is pinned, as in every test; and what is measured is edl, not the
            // libfaketime that the suite's run under faketime preloads into every child.
            .env("EDL_NOW", crate::support::NOW)
            .env_remove("LD_PRELOAD");
        command
            .arg(env!("CARGO_BIN_EXE_edl"))
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let start = Instant::now();
        let mut child = command.spawn().expect("the helper starts");
        let feeder = child.stdin.take().zip(self.stdin).map(|(mut pipe, feed)| {
            // edl may stop reading early (an error); a broken pipe here is then expected.
            std::thread::spawn(move || feed(&mut pipe))
        });
        let read = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let (mut kept, mut total, mut buffer) = (Vec::new(), 0, vec![0; 64 * 1024]);
                while let Ok(n @ 1..) = pipe.read(&mut buffer) {
                    total += n;
                    let room = KEPT.saturating_sub(kept.len()).min(n);
                    kept.extend_from_slice(&buffer[..room]);
                }
                (kept, total)
            })
        };
        let stdout = read(Box::new(child.stdout.take().expect("stdout is piped")));
        let stderr = read(Box::new(child.stderr.take().expect("stderr is piped")));
        let status = loop {
            if let Some(status) = child.try_wait().expect("the helper is waited for") {
                break status;
            }
            if start.elapsed() > self.timeout {
                // The helper's death kills edl too (PR_SET_PDEATHSIG).
                let _ = child.kill();
                let _ = child.wait();
                panic!("{what}: edl still running after {:?}: a hang", self.timeout);
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let elapsed = start.elapsed();
        if let Some(feeder) = feeder {
            let _ = feeder.join();
        }
        let (stdout, stdout_bytes) = stdout.join().expect("stdout is read");
        let (stderr, _) = stderr.join().expect("stderr is read");
        let peak = std::fs::read_to_string(&peak_file).expect("the helper wrote the peak");
        let _ = std::fs::remove_file(&peak_file);
        let measured = Measured {
            code: status.code().expect("edl exited"),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stdout_bytes,
            stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
            peak_kib: peak.trim().parse().expect("a peak in KiB"),
            elapsed,
        };
        eprintln!(
            "{what}: exit {}, peak {:.1} MiB, {:.3} s, stdout {} bytes",
            measured.code,
            measured.peak_kib as f64 / 1024.0,
            measured.elapsed.as_secs_f64(),
            measured.stdout_bytes
        );
        assert!(
            !measured.stderr.contains("panicked"),
            "{what}: a panic: {}",
            measured.stderr
        );
        measured
    }
}

/// Set for the helper: where it writes the peak. Nothing else sets it.
const PEAK_FILE: &str = "EDL_LIMITS_TEST_PEAK_FILE";

/// Numbers the helpers' files apart.
static PEAK_RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// Run by the loader before `main` (so before the test harness starts and grows the process).
#[used]
#[unsafe(link_section = ".init_array")]
static PEAK_HELPER: extern "C" fn(libc::c_int, *const *const libc::c_char) = peak_helper;

/// The helper: with [`PEAK_FILE`] set, this binary runs its arguments (`edl` and its arguments)
/// as a forked child, writes the child's peak resident memory in KiB from `wait4` to the file,
/// and exits with the child's exit code. A forked child starts from the helper's own small
/// memory, not the test process's; otherwise this returns and the tests run as usual.
extern "C" fn peak_helper(argc: libc::c_int, argv: *const *const libc::c_char) {
    let Some(file) = std::env::var_os(PEAK_FILE) else {
        return;
    };
    assert!(argc >= 2, "the helper runs a program");
    // SAFETY: argv is the process's own NULL-terminated argument vector, argv[1] the program;
    // between fork and exec the child calls only async-signal-safe functions.
    unsafe {
        let pid = libc::fork();
        if pid == 0 {
            // Killed with the helper, so that a timeout leaves no edl behind.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            libc::execv(*argv.add(1), argv.add(1));
            libc::_exit(127);
        }
        let mut status = 0;
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid, "wait4");
        std::fs::write(file, usage.ru_maxrss.to_string()).expect("the peak is written");
        libc::_exit(if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            128 + libc::WTERMSIG(status)
        });
    }
}

impl Measured {
    /// A refusal as documented: exit 2, nothing on stdout, one short stderr line naming the
    /// problem. Returns that line.
    fn refused(&self, problem: &str) -> &str {
        assert_eq!(self.code, 2, "exit code; stderr: {}", self.stderr);
        assert_eq!(self.stdout, "", "stdout of an error");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one stderr line: {:?}", self.stderr);
        assert!(lines[0].starts_with("edl: "), "{:?}", lines[0]);
        assert!(
            lines[0].contains(problem),
            "stderr names the problem {problem:?}: {:?}",
            lines[0]
        );
        assert_short(lines[0]);
        lines[0]
    }
}

/// No line repeats more than a short start of what was typed: the longest message (an unknown
/// license state with every accepted id and term, an unknown place with five suggestions, a
/// data file's path) stays well under this.
fn assert_short(line: &str) {
    assert!(
        line.chars().count() < 700,
        "a long line: {} characters, starting {:?}",
        line.chars().count(),
        line.chars().take(80).collect::<String>()
    );
}

/// A folder of the test's own for the files it makes.
fn folder(test: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("edl-limits-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
}

/// A valid rollout file: 成都 live from 2021-06-01, and then `facts` more facts like it.
fn rollout_with_facts(facts: usize) -> String {
    let mut text = String::from(
        "version = \"test\"\nas_of = 2026-11-25\n\n[default]\nearliest = 2021-10-20\n\
         latest = 2021-12-31\nsources = [\"s1\"]\nnote = \"test\"\n\n[[source]]\nid = \"s1\"\n\
         title = \"a source\"\nurl = \"http://example.invalid/\"\nquality = \"strong\"\n",
    );
    for n in 0..=facts {
        text.push_str(&format!(
            "\n[[fact]]\nid = \"f{n}\"\nplaces = [\"510100\"]\non = 2021-06-01\nsources = [\"s1\"]\n"
        ));
    }
    text
}

fn write(folder: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("the file is written");
    path
}

// `edl check -`: a bad line is skipped, the next lines answered, and the exit code is 2.

/// The result lines of a batch run after its header, and its stderr lines.
fn batch_lines(run: &Measured) -> (Vec<Vec<&str>>, Vec<&str>) {
    assert_eq!(run.code, 2, "exit code; stderr: {}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some(CHECK_TSV_HEADER));
    let rows = lines.map(|line| line.split('\t').collect()).collect();
    let errors: Vec<&str> = run.stderr.lines().collect();
    for line in &errors {
        assert_short(line);
    }
    (rows, errors)
}

#[test]
fn a_300_mb_line_is_skipped_unread_and_the_next_line_answered() {
    let run = edl([
        "check",
        "-",
        "--format",
        "tsv",
        "--on",
        "2021-06-01",
        "--home",
        "成都",
    ])
    .stdin(|pipe| {
        let chunk = vec![b'a'; 1_000_000];
        for _ in 0..300 {
            if pipe.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = pipe.write_all("\n成都\n".as_bytes());
    })
    .measure("300 MB line");
    let (rows, errors) = batch_lines(&run);
    assert_eq!(
        errors,
        [
            "edl: line 1: the line is too long (300000000 bytes; a place, a tab and a date fit in 523); skipped"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0][0],
        format!("{}…", "a".repeat(40)),
        "a short start of the line"
    );
    assert_eq!(rows[0][2], "error");
    assert_eq!(rows[1][..4], ["成都", "2021-06-01", "e-license", "510100"]);
    assert!(
        run.stdout_bytes < 1000,
        "{} bytes of output",
        run.stdout_bytes
    );
}

#[test]
fn a_line_of_100000_tabs_is_too_long_and_the_next_line_answered() {
    let run = edl([
        "check",
        "-",
        "--format",
        "tsv",
        "--on",
        "2021-06-01",
        "--home",
        "成都",
    ])
    .stdin(|pipe| {
        let line = format!("成都{}\n北京\n", "\t".repeat(100_000));
        let _ = pipe.write_all(line.as_bytes());
    })
    .measure("100,000 tabs");
    let (rows, errors) = batch_lines(&run);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("edl: line 1: the line is too long (100006 bytes;"),
        "{errors:?}"
    );
    assert_eq!(rows[0][0], format!("成都{}…", "\\t".repeat(38)));
    assert_eq!(rows[1][..3], ["北京", "2021-06-01", "bring-card"]);
}

/// A place of 10,000 combining marks is refused for its length, before any normalising.
#[test]
fn a_line_with_10000_combining_marks_is_too_long() {
    let run = edl([
        "check",
        "-",
        "--format",
        "tsv",
        "--on",
        "2021-06-01",
        "--home",
        "成都",
    ])
    .stdin(|pipe| {
        let line = format!("成都{}\n成都\n", "\u{301}".repeat(10_000));
        let _ = pipe.write_all(line.as_bytes());
    })
    .measure("10,000 combining marks on a line");
    let (rows, errors) = batch_lines(&run);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("line 1: the line is too long (20006 bytes"));
    assert_eq!(rows[1][2], "e-license");
}

#[test]
fn a_long_line_with_a_crlf_ending_counts_its_text() {
    let run = edl([
        "check",
        "-",
        "--format",
        "tsv",
        "--on",
        "2021-06-01",
        "--home",
        "成都",
    ])
    .stdin(|pipe| {
        let _ = pipe.write_all(format!("{}\r\n成都\r\n", "x".repeat(600)).as_bytes());
    })
    .measure("600-byte CRLF line");
    let (rows, errors) = batch_lines(&run);
    assert!(errors[0].contains("(600 bytes;"), "{errors:?}");
    assert_eq!(rows[1][2], "e-license");
}

#[test]
fn a_line_at_the_limit_is_read() {
    // The longest place there may be, a tab and a date: read, and answered for what it is.
    let line = format!("{}\t2021-06-01\n", "a".repeat(512));
    let run = edl(["check", "-", "--format", "tsv"])
        .stdin(move |pipe| {
            let _ = pipe.write_all(line.as_bytes());
        })
        .measure("523-byte line");
    let (rows, errors) = batch_lines(&run);
    assert_eq!(rows[0][1], "2021-06-01");
    assert!(errors[0].contains("unknown place \""), "{errors:?}");
}

/// Every line different: the cache of rendered results and the table for people stay small.
#[test]
fn many_different_lines_keep_memory_small_in_every_format() {
    for format in ["tsv", "json", "human"] {
        let run = edl([
            "check",
            "-",
            "--format",
            format,
            "--on",
            "2021-06-01",
            "--home",
            "成都",
        ])
        .stdin(|pipe| {
            let mut text = String::new();
            for n in 0..20_000 {
                text.push_str(&format!("成都市{n}号\n"));
            }
            let _ = pipe.write_all(text.as_bytes());
        })
        // Some 3-4 s each in a debug build on an idle machine (30 MB of JSON): with a build and
        // a fuzz run on the same two cores, the usual 10 s came within reach of an honest run.
        .within(Duration::from_secs(60))
        .measure(&format!("20,000 different lines, {format}"));
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "");
    }
}

// Data files: refused before they are read whole.

#[test]
fn dev_zero_as_the_data_file_is_refused() {
    let line =
        "edl: cannot read data file /dev/zero: it is not a regular file (a character device)";
    let run = edl(["--data", "/dev/zero", "check", "成都"]).measure("--data /dev/zero");
    assert_eq!(run.refused("not a regular file"), line);
    let run = edl(["check", "成都"])
        .env("EDL_DATA", "/dev/zero")
        .measure("EDL_DATA=/dev/zero");
    assert_eq!(
        run.refused("not a regular file"),
        line.replace("edl: ", "edl: in EDL_DATA: ")
    );
    let run = edl(["data", "--check", "/dev/zero"]).measure("data --check /dev/zero");
    assert_eq!(run.refused("not a regular file"), line);
}

#[test]
fn a_fifo_as_the_data_file_is_refused_without_waiting_for_a_writer() {
    let folder = folder("fifo");
    let fifo = folder.join("rollout.toml");
    let path = std::ffi::CString::new(fifo.to_str().expect("a UTF-8 path")).expect("no NUL");
    // SAFETY: a valid C string; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0, "mkfifo");
    let expected = format!(
        "edl: cannot read data file {}: it is not a regular file (a FIFO)",
        fifo.display()
    );
    let run = edl([
        OsString::from("--data"),
        fifo.clone().into(),
        "check".into(),
        "成都".into(),
    ])
    .measure("--data FIFO");
    assert_eq!(run.refused("a FIFO"), expected);
    let run =
        edl([OsString::from("data"), "--check".into(), fifo.into()]).measure("data --check FIFO");
    assert_eq!(run.refused("a FIFO"), expected);
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn a_directory_as_the_data_file_is_refused() {
    let folder = folder("directory");
    let run = edl([
        OsString::from("data"),
        "--check".into(),
        folder.clone().into(),
    ])
    .measure("data --check DIRECTORY");
    run.refused("it is a directory");
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn a_200_mb_data_file_is_refused_before_it_is_read() {
    let folder = folder("large");
    let path = folder.join("rollout.toml");
    // Sparse: no disk is written, and edl must not read it to know its size.
    let file = std::fs::File::create(&path).expect("a file");
    file.set_len(200_000_000).expect("a 200 MB file");
    let expected = format!(
        "edl: cannot read data file {}: it is too large (200000000 bytes; a rollout file fits in 1048576)",
        path.display()
    );
    let run = edl([
        OsString::from("--data"),
        path.clone().into(),
        "check".into(),
        "成都".into(),
    ])
    .measure("--data 200 MB");
    assert_eq!(run.refused("too large"), expected);
    let run =
        edl([OsString::from("data"), "--check".into(), path.into()]).measure("data --check 200 MB");
    assert_eq!(run.refused("too large"), expected);
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn a_valid_file_of_300000_facts_is_over_the_size_cap() {
    let folder = folder("facts-300000");
    let path = write(
        &folder,
        "rollout.toml",
        rollout_with_facts(300_000).as_bytes(),
    );
    let run = edl([
        OsString::from("--data"),
        path.into(),
        "check".into(),
        "成都".into(),
    ])
    .measure("300,000 facts");
    run.refused("it is too large (");
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn a_valid_file_as_large_as_the_cap_allows_is_refused_for_its_size_in_tokens() {
    let folder = folder("facts-under-cap");
    // About 13,000 facts in just under 1 MiB: toml would build a tree of 40 MiB from them.
    let text = rollout_with_facts(13_000);
    assert!(text.len() < 1024 * 1024);
    let path = write(&folder, "rollout.toml", text.as_bytes());
    let run = edl([
        OsString::from("data"),
        "--check".into(),
        path.clone().into(),
    ])
    .measure("13,000 facts under the cap");
    let line = run.refused("the file has more than 50000 keys, values and brackets");
    assert!(
        line.starts_with(&format!("edl: {}:", path.display())),
        "{line}"
    );
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn a_valid_file_within_the_token_budget_is_answered() {
    let folder = folder("facts-within-budget");
    let path = write(
        &folder,
        "rollout.toml",
        rollout_with_facts(2_300).as_bytes(),
    );
    let run = edl([
        OsString::from("--data"),
        path.clone().into(),
        "check".into(),
        "成都".into(),
        "--on".into(),
        "2021-06-01".into(),
        "--home".into(),
        "成都".into(),
        "-q".into(),
    ])
    .measure("2,300 facts");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = edl([
        OsString::from("data"),
        "--check".into(),
        path.clone().into(),
    ])
    .measure("data --check 2,300 facts");
    assert_eq!(
        run.stdout,
        format!(
            "{}: ok (2301 facts, 1 sources, version test)\n",
            path.display()
        )
    );
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn deeply_nested_toml_is_refused() {
    let folder = folder("nested");
    // Deep enough for toml's own limit, and within the token budget.
    let depth = 10_000;
    let text = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let path = write(&folder, "rollout.toml", text.as_bytes());
    let run = edl([OsString::from("data"), "--check".into(), path.into()]).measure("nested TOML");
    run.refused("cannot recurse further");
    let _ = std::fs::remove_dir_all(folder);
}

#[test]
fn tens_of_thousands_of_problems_list_the_first_hundred_and_a_count() {
    let folder = folder("problems");
    let places: String = (0..20_000).map(|n| format!("\"{n:06}\",")).collect();
    let text = rollout_with_facts(0).replace("[\"510100\"]", &format!("[{places}]"));
    let path = write(&folder, "rollout.toml", text.as_bytes());
    let run = edl([
        OsString::from("data"),
        "--check".into(),
        path.clone().into(),
    ])
    .measure("20,000 problems");
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 101, "100 problems and a count");
    assert!(lines[0].ends_with("place `000000` in fact `f0` is no division code"));
    assert!(
        lines[100].ends_with("19900 more problems from here on are not listed"),
        "{}",
        lines[100]
    );
    let run = edl([
        OsString::from("--data"),
        path.into(),
        "check".into(),
        "成都".into(),
    ])
    .measure("--data with 20,000 problems");
    run.refused("(and more than 100 more problems; `edl data --check` lists the first 100)");
    let _ = std::fs::remove_dir_all(folder);
}

// The command line and the environment.

#[test]
fn more_places_than_a_trip_has_are_refused() {
    let mut args = vec!["check".to_string()];
    args.extend(std::iter::repeat_n("成都".to_string(), 101));
    let run = edl(args).measure("101 places");
    run.refused("too many places (101; a trip has at most 100)");
}

#[test]
fn a_hundred_thousand_arguments_are_refused_before_they_are_parsed() {
    let mut args = vec!["check".to_string()];
    args.extend(std::iter::repeat_n("a".to_string(), 100_000));
    let run = edl(args).measure("100,000 arguments");
    run.refused("too many arguments (100001; edl takes at most 256)");
}

#[test]
fn long_arguments_are_refused_with_a_short_echo() {
    let long = "a".repeat(100_000);
    let marks = format!("成都{}", "\u{301}".repeat(10_000));
    let flag = format!("--{long}");
    let cases: [(Vec<&str>, &str); 6] = [
        (vec!["check", &long], "the place is too long (100000 bytes"),
        (vec!["check", &marks], "the place is too long (20006 bytes"),
        (
            vec!["check", "成都", "--home", &long],
            "in --home: the place is too long",
        ),
        (
            vec!["check", "成都", "--on", &long],
            "invalid value 'aaaaaaaaaa",
        ),
        (vec!["check", "成都", &flag], "unexpected argument '--aaaa"),
        (vec![&long], "unrecognized subcommand 'aaaa"),
    ];
    for (args, problem) in cases {
        let run = edl(args).measure(problem);
        run.refused(problem);
    }
}

#[test]
fn long_environment_values_are_refused_with_a_short_echo() {
    let long = "a".repeat(100_000);
    let cases = [
        (
            "EDL_HOME",
            "in EDL_HOME: the place is too long (100000 bytes",
        ),
        ("EDL_LICENSE", "in EDL_LICENSE: invalid value 'aaaaaaaaaa"),
        ("EDL_LANG", "in EDL_LANG: invalid value 'aaaaaaaaaa"),
        (
            "EDL_DATA",
            "in EDL_DATA: the data file's path is too long (100000 bytes",
        ),
    ];
    for (name, problem) in cases {
        let run = edl(["check", "成都"]).env(name, &long).measure(name);
        run.refused(problem);
    }
}

#[test]
fn a_long_batch_for_people_is_a_table_per_thousand_lines() {
    let run = edl(["check", "-", "--on", "2021-06-01", "--home", "成都"])
        .stdin(|pipe| {
            let _ = pipe.write_all("成都\n".repeat(1500).as_bytes());
        })
        .measure("1,500 lines for people");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tables = run.stdout.lines().filter(|line| line.starts_with('┌'));
    assert_eq!(tables.count(), 2);
    let rows = run
        .stdout
        .lines()
        .filter(|line| line.starts_with('│') && line.contains("成都市"));
    assert_eq!(rows.count(), 1500);
    // Each row's reason on its own line after its table.
    let reasons = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("成都市 Chengdu: "));
    assert_eq!(reasons.count(), 1500);
}

#[test]
fn the_readme_states_the_limits() {
    use edl::data::rollout::{MAX_PROBLEMS, MAX_TOKENS};
    let readme = include_str!("../../README.md");
    let stated = [
        format!(
            "| a place (or the start of an address) | {} bytes |",
            edl::place::MAX_QUERY_BYTES
        ),
        format!(
            "| {} (more go one a line to `check -`); {} arguments in all |",
            edl::cli::MAX_PLACES,
            edl::cli::MAX_ARGS
        ),
        format!(
            "| {} bytes, a place, a tab and a date;",
            edl::batch::MAX_LINE_BYTES
        ),
        format!(
            "of {} MiB with {},{:03} TOML tokens",
            edl::data::MAX_DATA_BYTES >> 20,
            MAX_TOKENS / 1000,
            MAX_TOKENS % 1000
        ),
        format!("lists its first {MAX_PROBLEMS} problems"),
        format!("at most the first {} characters", edl::i18n::ECHO_CHARS),
        format!(
            "printed every {},{:03} lines",
            edl::batch::TABLE_ROWS / 1000,
            edl::batch::TABLE_ROWS % 1000
        ),
    ];
    for text in stated {
        assert!(readme.contains(&text), "the README says {text:?}");
    }
    assert_eq!(edl::data::MAX_DATA_BYTES % (1 << 20), 0);
}
