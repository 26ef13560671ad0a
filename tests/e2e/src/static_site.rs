//! A copy of the built app (`dist/`) served by the test itself, for a test that changes
//! what is deployed (a new version of the service worker) without touching the stack the
//! other tests share. It answers as the static host does: a file, else the public entry's
//! page; the API is not there (503).

use std::path::{Path, PathBuf};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The copy and where it is served.
pub struct StaticSite {
    dir: PathBuf,
    base: String,
}

impl StaticSite {
    /// Copies `dist/` to a directory of its own and serves it on a free port.
    pub async fn start(name: &str) -> StaticSite {
        let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist");
        let dir = crate::fresh_dir("sites", name);
        copy_dir(&dist, &dir);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let base = format!("http://{}", listener.local_addr().expect("its address"));
        let served = dir.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(answer(stream, served.clone()));
            }
        });
        StaticSite { dir, base }
    }

    /// A page of the copy by path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Deploys a new version: the service worker's file changes, as every build's does.
    pub fn deploy_new_version(&self) {
        let sw = self.dir.join("sw.js");
        let mut text = std::fs::read_to_string(&sw).expect("the copy's sw.js");
        text.push_str("\n// The next deployment.\n");
        std::fs::write(&sw, text).expect("sw.js written");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("dist/ is built") {
        let entry = entry.expect("a dist entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            std::fs::create_dir_all(&target).expect("a directory");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a file copied");
        }
    }
}

async fn answer(mut stream: TcpStream, dir: PathBuf) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let head = String::from_utf8_lossy(&request);
    let path = head
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_owned();
    let (status, kind, body) = if path.starts_with("/api/") {
        (
            "503 Service Unavailable",
            "application/json",
            b"{}".to_vec(),
        )
    } else {
        let file = dir.join(path.trim_start_matches('/'));
        let file = if file.is_dir() {
            file.join("index.html")
        } else {
            file
        };
        match std::fs::read(&file) {
            Ok(body) if !path.contains("..") => ("200 OK", content_type(&file), body),
            _ => (
                "200 OK",
                "text/html; charset=utf-8",
                std::fs::read(dir.join("index.html")).unwrap_or_default(),
            ),
        }
    };
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\ncache-control: no-cache\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(&body).await;
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}
