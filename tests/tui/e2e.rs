//! tmux.
