//! A small HTTP/1.1 server on 127.0.0.1 for the tests that fetch (Credly profiles): it
//! answers each path as told, including the broken answers a real network gives.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How the test server answers one path.
#[derive(Clone)]
pub enum Reply {
    /// 200 with this content type and body.
    Ok(&'static str, Vec<u8>),
    /// Another status, with a short body.
    Status(u16),
    /// Announces the whole body but sends half of it, then closes.
    Truncated(Vec<u8>),
    /// Sends the headers and half the body, then nothing (until the test ends).
    Stall(Vec<u8>),
}

/// An HTTP/1.1 server on 127.0.0.1 serving `routes` (path and query; anything else is a
/// 404), recording what was asked. It stops when dropped, and by itself after a minute.
pub struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(routes: Vec<(String, Reply)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<String, Reply>> = Arc::new(routes.into_iter().collect());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (r, st) = (requests.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(60);
            while !st.load(Ordering::Relaxed) && Instant::now() < until {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (routes, r, st) = (routes.clone(), r.clone(), st.clone());
                        std::thread::spawn(move || answer(stream, &routes, &r, &st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            port,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer(
    mut stream: TcpStream,
    routes: &HashMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split(' ').nth(1).unwrap_or_default().to_string();
    requests.lock().unwrap().push(path.clone());
    let headers = |status: &str, ctype: &str, len: usize| {
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
        )
    };
    let _ = match routes.get(&path).cloned().unwrap_or(Reply::Status(404)) {
        Reply::Ok(ctype, body) => stream
            .write_all(headers("200 OK", ctype, body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body)),
        Reply::Status(code) => {
            let body = format!("{{\"error\": {code}}}");
            stream.write_all(
                format!(
                    "{}{body}",
                    headers(&format!("{code} X"), "application/json", body.len())
                )
                .as_bytes(),
            )
        }
        Reply::Truncated(body) => stream
            .write_all(headers("200 OK", "application/json", body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body[..body.len() / 2])),
        Reply::Stall(body) => {
            let sent = stream
                .write_all(headers("200 OK", "application/json", body.len()).as_bytes())
                .and_then(|()| stream.write_all(&body[..body.len() / 2]))
                .and_then(|()| stream.flush());
            let until = Instant::now() + Duration::from_secs(20);
            while !stop.load(Ordering::Relaxed) && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            sent
        }
    };
}
