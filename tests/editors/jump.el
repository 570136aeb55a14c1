;; Runs loclint with M-x compile and visits every diagnostic with next-error, printing where
;; point lands: file:line:column (1-based characters) and the text at point.
;; The settings are the README's own: its snippet emacs-config, evaluated as written.
(require 'compile)
(let ((readme (expand-file-name "../../README.md" (file-name-directory load-file-name))))
  (with-temp-buffer
    (insert-file-contents readme)
    (unless (search-forward "<!-- snippet: emacs-config -->\n```elisp\n" nil t)
      (error "README.md has no snippet emacs-config"))
    (let ((start (point)))
      (search-forward "\n```")
      (eval (car (read-from-string (concat "(progn " (buffer-substring start (match-beginning 0)) ")")))))))
(let ((buf (compile (car command-line-args-left))))
  (while (get-buffer-process buf) (accept-process-output nil 0.1))
  (condition-case nil
      (let ((arg '(4)))  ; C-u: start from the first diagnostic
        (while t
          (next-error arg)
          (setq arg 1)
          (with-current-buffer (window-buffer (selected-window))
            (goto-char (window-point (selected-window)))
            (princ (format "%s:%d:%d: %S\n" (file-name-nondirectory (buffer-file-name)) (line-number-at-pos)
                           (1+ (current-column))
                           (buffer-substring-no-properties (point) (min (line-end-position) (+ (point) 8))))))))
    (error nil)))
