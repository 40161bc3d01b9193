# Exit 5 (dependency could not be resolved): one error line naming the dependency.
export REQUEST_CORE_REPO=""  # no bundled detectors: nothing can provide the tag
expect_rc 5 env shell --dep nosuchtag-xyz -- true
err_is_one_line "^request: error: dependency 'nosuchtag-xyz': no environment has tags 'nosuchtag-xyz'"
