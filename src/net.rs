//! The network: what sukima fetches itself instead of asking the user to save files.
//! Only [`credly`] today: the pages of a public Credly profile, over HTTPS (ureq with
//! rustls: no system TLS library to install), each request with a timeout. Bytes come
//! back exactly as a browser would save them and go through the same import as files;
//! nothing here touches the database.

pub mod credly;
