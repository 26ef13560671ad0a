//! An answer of the edge, as a test reads it.

/// A response with its body parsed as JSON.
pub struct TestResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub json: serde_json::Value,
    /// A file's bytes (a download), empty for every JSON answer.
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value a `Set-Cookie` header gives the cookie `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies().into_iter().find_map(|c| {
            let value = c.strip_prefix(&format!("{name}="))?;
            Some(value.split(';').next().unwrap_or_default().to_owned())
        })
    }

    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(k, _)| *k == "set-cookie")
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The error code of an error answer.
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or("<no code>")
    }

    /// Producer ids of an offer page, in order.
    pub fn producer_ids(&self) -> Vec<i64> {
        self.json["offers"]
            .as_array()
            .map(|a| a.iter().filter_map(|o| o["producer_id"].as_i64()).collect())
            .unwrap_or_default()
    }
}
