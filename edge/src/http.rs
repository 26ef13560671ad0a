//! The edge's own request and response types, independent of the Workers runtime.

use serde::Serialize;
use seteli_domain::{ApiError, Lang};

/// HTTP methods the API distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
    Other,
}

impl Method {
    pub fn parse(name: &str) -> Method {
        match name.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "HEAD" => Method::Head,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            "OPTIONS" => Method::Options,
            _ => Method::Other,
        }
    }
}

/// A request as the handlers see it: method, decoded path, decoded query pairs, headers.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    /// Header names are lowercase.
    pub headers: Vec<(String, String)>,
    /// The body as text (empty for GET). JSON is the only body the API reads, but for a file
    /// upload.
    pub body: String,
    /// The body as bytes: a file upload's (see [`crate::router::reads_file`]); empty for
    /// every other request.
    pub bytes: Vec<u8>,
    /// The body was longer than the route's limit and was not kept (one sent without a
    /// length, cut off while it was read).
    pub oversized: bool,
}

impl ApiRequest {
    /// Builds a request from a method and a path with its query (`/api/x?a=1`).
    pub fn new(method: Method, path_and_query: &str) -> Result<Self, url::ParseError> {
        let url = url::Url::parse("http://edge.invalid")?.join(path_and_query)?;
        Ok(Self::from_url(method, &url, Vec::new()))
    }

    /// Builds a request from a full URL and its headers.
    pub fn from_url(method: Method, url: &url::Url, headers: Vec<(String, String)>) -> Self {
        Self {
            method,
            path: url.path().to_owned(),
            query: url
                .query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            headers: headers
                .into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v))
                .collect(),
            body: String::new(),
            bytes: Vec::new(),
            oversized: false,
        }
    }

    /// The body as JSON of type `T`. Anything else — another content type, malformed JSON,
    /// a missing field or a value its type refuses — is `invalid_body`.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, ApiError> {
        let is_json = self
            .header("content-type")
            .is_some_and(|t| t.split(';').next().map(str::trim) == Some("application/json"));
        if !is_json {
            return Err(ApiError::new(
                seteli_domain::ErrorCode::InvalidBody,
                self.lang(),
            ));
        }
        serde_json::from_str(&self.body)
            .map_err(|_| ApiError::new(seteli_domain::ErrorCode::InvalidBody, self.lang()))
    }

    /// A header by (lowercase) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The query pairs as borrowed strings, for the domain's parsers.
    pub fn query_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The first value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query_pairs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The language to answer in: a valid `lang` parameter, else `Accept-Language`, else Finnish.
    pub fn lang(&self) -> Lang {
        self.query_param("lang")
            .and_then(Lang::parse)
            .or_else(|| {
                self.header("accept-language")
                    .map(Lang::from_accept_language)
            })
            .unwrap_or_default()
    }
}

/// A response: status, headers and a body that is always JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    /// A file's bytes (an attachment's download), sent instead of `body` when not empty.
    pub bytes: Vec<u8>,
}

impl ApiResponse {
    /// A JSON answer. Public catalogue data may be cached briefly by browsers and CDNs.
    pub fn json<T: Serialize>(status: u16, value: &T) -> Self {
        // Serializing our own DTOs cannot fail: they hold only strings, numbers and lists.
        let body = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
        Self {
            status,
            // `nosniff` and the other security headers are added to every answer by the
            // router (`with_security_headers`).
            headers: vec![("content-type", "application/json; charset=utf-8".to_owned())],
            body,
            bytes: Vec::new(),
        }
    }

    /// A file to download (never shown inline, never cached): `content_type` as checked when
    /// it was uploaded, the name quoted and also percent-encoded (RFC 6266).
    pub fn attachment(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Self {
        let ascii: String = file_name
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c
                } else {
                    '_'
                }
            })
            .filter(|c| !matches!(c, '"' | '\\'))
            .collect();
        let encoded: String = url::form_urlencoded::byte_serialize(file_name.as_bytes())
            .collect::<String>()
            .replace('+', "%20");
        Self {
            status: 200,
            headers: vec![
                ("content-type", content_type.to_owned()),
                (
                    "content-disposition",
                    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
                ),
                ("cache-control", "no-store".to_owned()),
            ],
            body: String::new(),
            bytes,
        }
    }

    /// A JSON answer with personal data: never stored by browsers or shared caches.
    pub fn private_json<T: Serialize>(status: u16, value: &T) -> Self {
        Self::json(status, value).with_header("cache-control", "no-store")
    }

    /// A redirect (303 See Other: the browser follows it with GET) to `location`.
    pub fn redirect(location: &str) -> Self {
        Self {
            status: 303,
            headers: vec![
                ("location", location.to_owned()),
                ("cache-control", "no-store".to_owned()),
            ],
            body: String::new(),
            bytes: Vec::new(),
        }
    }

    /// A success with nothing to say (204).
    pub fn no_content() -> Self {
        Self {
            status: 204,
            headers: vec![("cache-control", "no-store".to_owned())],
            body: String::new(),
            bytes: Vec::new(),
        }
    }

    /// The error as `{"code","message"}` with its status; errors are never cached.
    pub fn error(error: &ApiError) -> Self {
        Self::json(error.status(), error).with_header("cache-control", "no-store")
    }

    /// Adds (or replaces) the security headers every answer carries; see [`crate::security`].
    pub fn with_security_headers(self, public_url: &str) -> Self {
        crate::security::api_headers(public_url)
            .into_iter()
            .fold(self, |response, (name, value)| {
                response.with_header(name, value)
            })
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.retain(|(k, _)| *k != name);
        self.headers.push((name, value.into()));
        self
    }

    /// Adds a header that may repeat (`set-cookie`).
    pub fn add_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header that may repeat.
    pub fn header_values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}
