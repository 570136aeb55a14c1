;; Runs loclint with M-x compile and visits every diagnostic with next-error, printing where
;; point lands: file:line:column (1-based characters) and the text at point.
(require 'compile)
(setq compilation-error-screen-columns nil)  ; loclint's columns count characters, not screen cells
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
