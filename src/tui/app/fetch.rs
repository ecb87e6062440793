//! A Credly profile named on the import line, fetched on a thread of its own (the network
//! may take seconds; each request has its timeout), so the planner stays live meanwhile.

use super::App;
use crate::net::credly::Pages;
use std::sync::mpsc::TryRecvError;

/// What the thread that fetches a Credly profile sends back: its pages and the import's
/// name, or why they could not be had.
pub(super) type Fetched = anyhow::Result<(Pages, String)>;

impl App {
    /// Starts fetching `profile`; its import follows on a tick once the pages are here.
    pub(super) fn start_fetch(&mut self, profile: String) {
        let (tx, rx) = std::sync::mpsc::channel();
        let asked = profile.clone();
        std::thread::spawn(move || {
            let _ = tx.send(crate::changes::import::fetch_profile(
                &asked,
                &mut |_, _| {},
            ));
        });
        self.fetching = Some((profile, rx));
        self.popup = None;
        // The quiet status line says it is under way (see `fetching_profile`).
        self.status = None;
    }

    /// The Credly profile being fetched, if one is.
    pub fn fetching_profile(&self) -> Option<&str> {
        self.fetching.as_ref().map(|(p, _)| p.as_str())
    }

    /// Imports the fetched profile once its pages are here and no popup is open (one
    /// transaction, one undo), or says why it could not be fetched.
    pub(super) fn poll_fetch(&mut self) {
        // Not under an open popup: the report would take its place (and what was typed).
        let Some((_, rx)) = self.fetching.as_ref().filter(|_| self.popup.is_none()) else {
            return;
        };
        let fetched = match rx.try_recv() {
            Ok(fetched) => fetched,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                Err(anyhow::anyhow!("the fetch stopped before it finished"))
            }
        };
        self.fetching = None;
        match fetched.and_then(|f| {
            crate::changes::import::import_fetched(&mut self.store, &self.config, self.now, f)
        }) {
            Ok(plan) => self.report(&self.texts.badge_import(&plan, self.today())),
            Err(e) => self.fail(e),
        }
    }
}
