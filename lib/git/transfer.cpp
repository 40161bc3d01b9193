#include "lib/git/transfer.hpp"

#include "lib/git/interrupt.hpp"

namespace request::git {

namespace {

void report(const TransferState& st, const Progress& p) {
  if (st.progress && *st.progress) (*st.progress)(p);
}

extern "C" int on_transfer(const git_indexer_progress* stats, void* payload) {
  if (interrupted()) return GIT_EUSER;
  auto& st = *static_cast<TransferState*>(payload);
  Progress p;
  if (stats->received_objects < stats->total_objects || stats->total_deltas == 0) {
    p.stage = Progress::Stage::receiving;
    p.current = stats->received_objects;
    p.total = stats->total_objects;
  } else {
    p.stage = Progress::Stage::resolving;
    p.current = stats->indexed_deltas;
    p.total = stats->total_deltas;
  }
  p.bytes = stats->received_bytes;
  report(st, p);
  return 0;
}

extern "C" int on_sideband(const char*, int, void*) { return interrupted() ? GIT_EUSER : 0; }

extern "C" void on_checkout(const char*, size_t completed, size_t total, void* payload) {
  auto& st = *static_cast<TransferState*>(payload);
  Progress p;
  p.stage = Progress::Stage::checkout;
  p.current = completed;
  p.total = total;
  report(st, p);
}

extern "C" int on_notify(git_checkout_notify_t, const char*, const git_diff_file*, const git_diff_file*,
                         const git_diff_file*, void*) {
  return interrupted() ? GIT_EUSER : 0;
}

}  // namespace

void set_remote_callbacks(git_remote_callbacks& callbacks, TransferState& state) {
  set_credential_callback(callbacks, state);
  callbacks.transfer_progress = on_transfer;
  callbacks.sideband_progress = on_sideband;
  callbacks.payload = &state;
}

void set_checkout_callbacks(git_checkout_options& options, TransferState& state) {
  options.progress_cb = on_checkout;
  options.progress_payload = &state;
  options.notify_cb = on_notify;
  options.notify_flags = GIT_CHECKOUT_NOTIFY_UPDATED;
  options.notify_payload = &state;
}

}  // namespace request::git
