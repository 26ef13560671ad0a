//! `seteli-mocks`: runs one of the mock services until killed.
//!
//! ```text
//! seteli-mocks identification --port PORT [--redirect-uri URI]... [--claims-in id-token|userinfo]
//! seteli-mocks valtuudet --port PORT [--redirect-uri URI]... [--seed FILE]
//! seteli-mocks ytj --port PORT
//! seteli-mocks messages --port PORT
//! ```

use seteli_mocks::{identification, messages, valtuudet, ytj};
use std::process::ExitCode;
use tokio::net::TcpListener;

const USAGE: &str = "\
usage: seteli-mocks identification --port PORT [--redirect-uri URI]... [--claims-in WHERE]
       seteli-mocks valtuudet --port PORT [--redirect-uri URI]... [--seed FILE]
       seteli-mocks ytj --port PORT
       seteli-mocks messages --port PORT

  identification   Suomi.fi e-Identification (OpenID Connect) on http://127.0.0.1:PORT,
                   issuers /citizen (client seteli-local) and /staff (client seteli-staff-local)
  valtuudet        Suomi.fi-valtuudet Web API (hpa, ypa) on http://127.0.0.1:PORT,
                   client sete1i01 (see mocks/README.md for its API key and OAuth password)
  ytj              PRH's open data YTJ API v3 (/opendata-ytj-api/v3/companies) on
                   http://127.0.0.1:PORT, no authentication
  messages         Suomi.fi Messages REST API (v1 token and mailboxes, v2 sending and
                   events) on http://127.0.0.1:PORT (credentials in mocks/data/messages.json)
  --port PORT      the port to listen on, on 127.0.0.1 (0 picks a free one)
  --redirect-uri   identification and valtuudet only: a redirect URI registered for the
                   client(s); repeat for more
                   (default: http://127.0.0.1:8787/api/auth/callback for identification,
                   http://127.0.0.1:8787/api/valtuudet/callback for valtuudet)
  --seed FILE      valtuudet only: the register as JSON (default: mocks/data/valtuudet.json,
                   compiled in)
  --claims-in WHERE
                   identification only: where names, the identity code and staff
                   municipality/roles go: id-token (default; also in userinfo) or userinfo
                   (only there). Without the flag, $SETELI_MOCK_CLAIMS_IN decides.";

/// The environment variable that sets `--claims-in` when the flag is not given.
const CLAIMS_IN_ENV: &str = "SETELI_MOCK_CLAIMS_IN";

/// Which mock to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mock {
    Identification,
    Valtuudet,
    Ytj,
    Messages,
}

impl Mock {
    fn name(self) -> &'static str {
        match self {
            Mock::Identification => "identification",
            Mock::Valtuudet => "valtuudet",
            Mock::Ytj => "ytj",
            Mock::Messages => "messages",
        }
    }

    /// Where a client of the mock is sent back to, for the mocks that have clients.
    fn default_redirect_uri(self) -> Option<&'static str> {
        match self {
            Mock::Identification => Some(identification::DEFAULT_REDIRECT_URI),
            Mock::Valtuudet => Some(valtuudet::DEFAULT_REDIRECT_URI),
            Mock::Ytj | Mock::Messages => None,
        }
    }
}

/// A parsed command line.
struct Args {
    mock: Mock,
    port: u16,
    redirect_uris: Vec<String>,
    seed: Option<String>,
    claims_in: Option<identification::ClaimsIn>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mock = match args.next().as_deref() {
        Some("identification") => Mock::Identification,
        Some("valtuudet") => Mock::Valtuudet,
        Some("ytj") => Mock::Ytj,
        Some("messages") => Mock::Messages,
        Some(other) => return Err(format!("unknown mock {other:?}")),
        None => return Err("name the mock to run".to_owned()),
    };
    let mut port = None;
    let mut redirect_uris = Vec::new();
    let mut seed = None;
    let mut claims_in = None;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                let text = value()?;
                port = Some(
                    text.parse::<u16>()
                        .map_err(|_| format!("--port {text:?} is not a port number"))?,
                );
            }
            "--redirect-uri" if mock.default_redirect_uri().is_some() => {
                redirect_uris.push(value()?)
            }
            "--seed" if mock == Mock::Valtuudet => seed = Some(value()?),
            "--claims-in" if mock == Mock::Identification => {
                let text = value()?;
                claims_in = Some(identification::ClaimsIn::parse(&text).ok_or_else(|| {
                    format!("--claims-in {text:?} is neither id-token nor userinfo")
                })?);
            }
            other => return Err(format!("unknown option {other:?} for {}", mock.name())),
        }
    }
    let port = port.ok_or("--port is required")?;
    if redirect_uris.is_empty() {
        redirect_uris.extend(mock.default_redirect_uri().map(str::to_owned));
    }
    Ok(Args {
        mock,
        port,
        redirect_uris,
        seed,
        claims_in,
    })
}

/// Why the mock did not run: a usage-level problem (exit 2) or a failure (exit 1).
enum Failure {
    Config(String),
    Runtime(String),
}

impl Failure {
    fn exit(self) -> ExitCode {
        match self {
            Failure::Config(message) => {
                eprintln!("seteli-mocks: {message}");
                ExitCode::from(2)
            }
            Failure::Runtime(message) => {
                eprintln!("seteli-mocks: {message}");
                ExitCode::FAILURE
            }
        }
    }
}

async fn run_identification(listener: TcpListener, port: u16, args: Args) -> Result<(), Failure> {
    let claims_in = match (args.claims_in, std::env::var(CLAIMS_IN_ENV)) {
        (Some(claims_in), _) => claims_in,
        (None, Ok(text)) => identification::ClaimsIn::parse(&text).ok_or_else(|| {
            Failure::Config(format!(
                "{CLAIMS_IN_ENV}={text:?} is neither id-token nor userinfo"
            ))
        })?,
        (None, Err(_)) => identification::ClaimsIn::default(),
    };
    let config = identification::Config {
        redirect_uris: args.redirect_uris,
        claims_in,
        // Its own clock: moving Valtuudet's time (`/dev/clock`) must not stamp ID tokens
        // in the future for the edge, which runs on real time.
        clock: seteli_mocks::clock::Clock::system(),
    };
    // Build the router first, so a bad URI never looks ready.
    let app = identification::router(&format!("http://127.0.0.1:{port}"), config)
        .map_err(|e| Failure::Config(e.to_string()))?;
    if claims_in == identification::ClaimsIn::Userinfo {
        eprintln!("identification mock: names, identity codes and staff roles only in userinfo");
    }
    // Scripts wait for exactly this line.
    println!("identification mock listening on http://127.0.0.1:{port}");
    axum::serve(listener, app)
        .await
        .map_err(|e| Failure::Runtime(format!("the server failed: {e}")))
}

async fn run_valtuudet(listener: TcpListener, port: u16, args: Args) -> Result<(), Failure> {
    let seed = match &args.seed {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| Failure::Config(format!("cannot read {path}: {e}")))?;
            let register = valtuudet::register::Register::from_json(&json)
                .map_err(|e| Failure::Config(format!("{path}: {e}")))?;
            Some(register)
        }
        None => None,
    };
    let config = valtuudet::Config {
        redirect_uris: args.redirect_uris,
        seed,
        clock: seteli_mocks::clock::Clock::system(),
    };
    // Build the router first, so a bad URI or seed never looks ready.
    let app = valtuudet::router(config).map_err(|e| Failure::Config(e.to_string()))?;
    // Scripts wait for exactly this line.
    println!("valtuudet mock listening on http://127.0.0.1:{port}");
    axum::serve(listener, app)
        .await
        .map_err(|e| Failure::Runtime(format!("the server failed: {e}")))
}

/// Serves a mock without clients (`ytj`, `messages`) whose router `app` built from its data
/// file `data` — built first, so that a broken data file never looks ready.
async fn run_plain(
    name: &str,
    app: Result<axum::Router, serde_json::Error>,
    data: &str,
    listener: TcpListener,
    port: u16,
) -> Result<(), Failure> {
    let app = app.map_err(|e| Failure::Config(format!("{data}: {e}")))?;
    // Scripts wait for exactly this line.
    println!("{name} mock listening on http://127.0.0.1:{port}");
    axum::serve(listener, app)
        .await
        .map_err(|e| Failure::Runtime(format!("the server failed: {e}")))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(args.into_iter()) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("seteli-mocks: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(("127.0.0.1", args.port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!(
                "seteli-mocks: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            return ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let result = match args.mock {
        Mock::Identification => run_identification(listener, port, args).await,
        Mock::Valtuudet => run_valtuudet(listener, port, args).await,
        Mock::Ytj => {
            let app = ytj::router(ytj::Config::default());
            run_plain("ytj", app, "mocks/data/ytj.json", listener, port).await
        }
        Mock::Messages => {
            let app = messages::router(messages::Config::default());
            run_plain("messages", app, "mocks/data/messages.json", listener, port).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.exit(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn redirect_uris_can_be_repeated_and_default_to_the_dev_callback() {
        let args = parse(&[
            "identification",
            "--port",
            "4000",
            "--redirect-uri",
            "http://127.0.0.1:1/a",
            "--redirect-uri=http://127.0.0.1:2/b",
        ])
        .unwrap();
        assert_eq!(args.port, 4000);
        assert_eq!(
            args.redirect_uris,
            ["http://127.0.0.1:1/a", "http://127.0.0.1:2/b"]
        );
        let args = parse(&["identification", "--port", "0"]).unwrap();
        assert_eq!(args.redirect_uris, [identification::DEFAULT_REDIRECT_URI]);
    }

    #[test]
    fn a_missing_port_or_unknown_mock_is_refused() {
        assert!(parse(&["identification"]).is_err());
        assert!(parse(&["valtuudet"]).is_err());
        assert!(parse(&["nonexistent", "--port", "1"]).is_err());
        assert!(parse(&["identification", "--port", "x"]).is_err());
        assert!(parse(&["identification", "--port"]).is_err());
    }

    #[test]
    fn valtuudet_takes_a_seed_and_its_own_default_callback() {
        let args = parse(&["valtuudet", "--port", "0", "--seed", "register.json"]).unwrap();
        assert_eq!(args.mock, Mock::Valtuudet);
        assert_eq!(args.seed.as_deref(), Some("register.json"));
        assert_eq!(args.redirect_uris, [valtuudet::DEFAULT_REDIRECT_URI]);
        let args = parse(&[
            "valtuudet",
            "--port=1",
            "--redirect-uri=http://127.0.0.1:1/a",
        ])
        .unwrap();
        assert_eq!(args.redirect_uris, ["http://127.0.0.1:1/a"]);
        assert_eq!(args.seed, None);
        // Only the valtuudet mock has a register to seed.
        assert!(parse(&["identification", "--port", "0", "--seed", "x.json"]).is_err());
    }

    #[test]
    fn identification_can_be_told_to_put_the_claims_only_in_userinfo() {
        let args = parse(&["identification", "--port", "0", "--claims-in", "userinfo"]).unwrap();
        assert_eq!(args.claims_in, Some(identification::ClaimsIn::Userinfo));
        let args = parse(&["identification", "--port", "0"]).unwrap();
        assert_eq!(
            args.claims_in, None,
            "the environment or the default decides"
        );
        assert!(parse(&["identification", "--port", "0", "--claims-in", "both"]).is_err());
        assert!(parse(&["valtuudet", "--port", "0", "--claims-in", "userinfo"]).is_err());
    }

    #[test]
    fn the_mocks_without_clients_take_only_a_port() {
        for (name, mock) in [("ytj", Mock::Ytj), ("messages", Mock::Messages)] {
            let args = parse(&[name, "--port", "8790"]).unwrap();
            assert_eq!(args.mock, mock);
            assert_eq!(args.port, 8790);
            assert!(args.redirect_uris.is_empty());
            assert!(parse(&[name]).is_err());
            assert!(parse(&[
                name,
                "--port",
                "0",
                "--redirect-uri",
                "http://127.0.0.1:1/a"
            ])
            .is_err());
            assert!(parse(&[name, "--port", "0", "--seed", "x.json"]).is_err());
        }
    }
}
