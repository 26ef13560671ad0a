//! `seteli-mocks`: runs one of the mock services until killed.
//!
//! ```text
//! seteli-mocks identification --port PORT [--redirect-uri URI]...
//! ```

use seteli_mocks::identification::{self, Config};
use std::process::ExitCode;
use tokio::net::TcpListener;

const USAGE: &str = "\
usage: seteli-mocks identification --port PORT [--redirect-uri URI]...

  identification   Suomi.fi e-Identification (OpenID Connect) on http://127.0.0.1:PORT,
                   issuers /citizen (client seteli-local) and /staff (client seteli-staff-local)
  --port PORT      the port to listen on, on 127.0.0.1 (0 picks a free one)
  --redirect-uri   a redirect URI registered for both clients; repeat for more
                   (default: http://127.0.0.1:8787/api/auth/callback)";

/// A parsed command line.
struct Args {
    port: u16,
    redirect_uris: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("identification") => {}
        Some(other) => return Err(format!("unknown mock {other:?}")),
        None => return Err("name the mock to run".to_owned()),
    }
    let mut port = None;
    let mut redirect_uris = Vec::new();
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
            "--redirect-uri" => redirect_uris.push(value()?),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    let port = port.ok_or("--port is required")?;
    if redirect_uris.is_empty() {
        redirect_uris.push(identification::DEFAULT_REDIRECT_URI.to_owned());
    }
    Ok(Args {
        port,
        redirect_uris,
    })
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
    let config = Config {
        redirect_uris: args.redirect_uris,
    };
    // Check the configuration before announcing readiness, so a bad URI never looks ready.
    if let Err(e) = identification::router(&format!("http://127.0.0.1:{port}"), config.clone()) {
        eprintln!("seteli-mocks: {e}");
        return ExitCode::from(2);
    }
    // Scripts wait for exactly this line.
    println!("identification mock listening on http://127.0.0.1:{port}");
    match identification::serve(listener, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seteli-mocks: {e}");
            ExitCode::FAILURE
        }
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
        assert!(parse(&["valtuudet", "--port", "1"]).is_err());
        assert!(parse(&["identification", "--port", "x"]).is_err());
        assert!(parse(&["identification", "--port"]).is_err());
    }
}
