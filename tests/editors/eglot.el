;;; eglot.el --- Emacs's eglot against `loclint lsp' (tests/lsp_eglot_test.cpp runs it)  -*- lexical-binding: t -*-
;;
;;   emacs --batch -l tests/editors/eglot.el
;;
;; with LOCLINT_SETUP (the README's eglot snippet, extracted by the test), LOCLINT_DOC (the
;; document to open), LOCLINT_OUT (where to write what happened, as JSON) and LOCLINT_FIX_LINE
;; (the 1-based line whose code/command-mismatch fix to apply). It opens the document as a user
;; would (markdown-mode, whose hook the snippet gives `eglot-ensure'), waits for flymake's
;; diagnostics, applies the fix of code/command-mismatch and of link/backslash through
;; textDocument/codeAction and eglot's own workspace-edit code, waits for the diagnostics to
;; follow, and saves the buffer.

(require 'package)
(package-initialize)                    ; Debian's elpa-eglot and elpa-markdown-mode
(require 'json)
(require 'cl-lib)

(defvar loclint-out nil "What happened, an alist written as JSON.")

(defun loclint-finish (status)
  (push (cons 'status status) loclint-out)
  (with-temp-file (getenv "LOCLINT_OUT")
    (insert (json-encode loclint-out)))
  (kill-emacs 0))

(defun loclint-fail (why)
  (push (cons 'error why) loclint-out)
  (loclint-finish "failed"))

(condition-case err
    (load (expand-file-name (getenv "LOCLINT_SETUP")) nil t)
  (error (loclint-fail (format "the README snippet failed: %S" err))))

(require 'markdown-mode)
(require 'eglot)

(defun loclint-diagnostics ()
  "Flymake's diagnostics of the buffer: line, column (characters), type and text."
  (sort (mapcar (lambda (d)
                  (let ((beg (flymake-diagnostic-beg d)))
                    (save-excursion
                      (goto-char beg)
                      `((line . ,(line-number-at-pos))
                        (col . ,(- beg (line-beginning-position)))
                        (end_col . ,(- (flymake-diagnostic-end d) (line-beginning-position)))
                        (type . ,(symbol-name (flymake-diagnostic-type d)))
                        (text . ,(flymake-diagnostic-text d))))))
                (flymake-diagnostics))
        (lambda (a b) (or (< (alist-get 'line a) (alist-get 'line b))
                          (and (= (alist-get 'line a) (alist-get 'line b))
                               (< (alist-get 'col a) (alist-get 'col b)))))))

(defun loclint-find (rule &optional line)
  (cl-find-if (lambda (d) (and (string-match-p (regexp-quote rule) (alist-get 'text d))
                               (or (null line) (= line (alist-get 'line d)))))
              (loclint-diagnostics)))

(defun loclint-wait (what pred)
  "Runs the event loop (process output, timers) until PRED holds, 30 s at most."
  (let ((deadline (+ (float-time) 30)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; Eglot sends an edit, and flymake starts its backends, from idle timers, which batch
      ;; Emacs never runs: do what those timers do.
      (when (eglot-current-server) (eglot--signal-textDocument/didChange))
      (when (and (bound-and-true-p flymake-mode) (not (flymake-running-backends)))
        (flymake-start)))
    (or (funcall pred)
        (progn
          (push (cons 'seen (vconcat (loclint-diagnostics))) loclint-out)
          (loclint-fail (format "timed out waiting for %s" what))))))

(defun loclint-apply-action (diag title)
  "Asks for the code actions at DIAG and applies the one titled TITLE as eglot does."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- (alist-get 'line diag)))
    (forward-char (alist-get 'col diag))
    (let* ((actions (eglot-code-actions (point) (point)))
           (titles (mapcar (lambda (a) (plist-get a :title)) actions))
           (action (cl-find title actions :key (lambda (a) (plist-get a :title)) :test #'equal)))
      (unless action
        (loclint-fail (format "no code action %S among %S" title titles)))
      (push `((applied . ,title) (offered . ,(vconcat titles))) (alist-get 'steps loclint-out))
      (eglot--apply-workspace-edit (plist-get action :edit)))))

(find-file (getenv "LOCLINT_DOC"))
(unless (derived-mode-p 'markdown-mode) (loclint-fail (format "the document opened in %s" major-mode)))
;; `eglot-ensure' connects after the first command of the session, from `post-command-hook'.
(run-hooks 'post-command-hook)
(loclint-wait "eglot to connect" (lambda () (eglot-current-server)))
(let ((server (eglot-current-server)))
  (push `(server . ,(plist-get (eglot--server-info server) :name)) loclint-out))

;; 1. Diagnostics on open.
(loclint-wait "the first diagnostics" (lambda () (loclint-find "code/command-mismatch")))
(push (cons 'on_open (vconcat (loclint-diagnostics))) loclint-out)

;; 2. The fix of code/command-mismatch (the seed's command), then that of link/backslash.
(let ((line (string-to-number (getenv "LOCLINT_FIX_LINE"))))
  (loclint-apply-action (loclint-find "code/command-mismatch" line)
                        "Write the command as the source does: 'Set-MsolCompanySettings -AllowEmailVerifiedUsers $true'")
  (loclint-wait "code/command-mismatch to go" (lambda () (not (loclint-find "code/command-mismatch" line)))))
(loclint-apply-action (loclint-find "link/backslash") "Use '/' instead of '\\' in the link")
(loclint-wait "link/backslash to go" (lambda () (not (loclint-find "link/backslash"))))
(push (cons 'after_fixes (vconcat (loclint-diagnostics))) loclint-out)

;; 3. Save: the test compares the file's bytes.
(save-buffer)
(loclint-finish "ok")
