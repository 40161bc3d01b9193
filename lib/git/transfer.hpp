#pragma once
// Internal to lib/git: libgit2 callbacks for one clone or fetch (progress,
// credentials, stopping on SIGINT/SIGTERM).
#include <git2.h>

#include "lib/git/progress.hpp"

namespace request::git {

// What the callbacks of one transfer share. Lives as long as the transfer.
struct TransferState {
  const ProgressFn* progress = nullptr;  // may be null or empty
  int agent_tries = 0;                   // ssh-agent asked
  int key_tries = 0;                     // default ~/.ssh keys tried
  int password_tries = 0;                // token or stored password given
  int username_tries = 0;
};

// Progress, credentials and interruption for a fetch (clone or fetch).
void set_remote_callbacks(git_remote_callbacks& callbacks, TransferState& state);
// Only the credential callback (credentials.cpp); set_remote_callbacks calls it.
void set_credential_callback(git_remote_callbacks& callbacks, TransferState& state);
// Checkout progress (and interruption) for a checkout.
void set_checkout_callbacks(git_checkout_options& options, TransferState& state);

}  // namespace request::git
