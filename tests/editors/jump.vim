" Runs loclint with :make and visits every diagnostic, writing where the cursor lands to
" vim-out.txt: file:line:col (bytes, as Vim counts columns): type: the text at the cursor.
" The settings are the README's own: the lines of its snippet vim-config, executed as written.
let s:readme = readfile(expand('<sfile>:p:h') . '/../../README.md')
let s:at = index(s:readme, '<!-- snippet: vim-config -->')
if s:at < 0
  call writefile(['README.md has no snippet vim-config'], 'vim-out.txt')
  qall!
endif
let s:i = s:at + 2
while s:readme[s:i] !~# '^```'
  execute s:readme[s:i]
  let s:i += 1
endwhile
silent make!
let s:out = []
let s:list = getqflist()
for s:i in range(1, len(s:list))
  let s:e = s:list[s:i - 1]
  if !s:e.valid
    continue
  endif
  execute 'silent cc' s:i
  call add(s:out, printf('%s:%d:%d: %s: %s', expand('%:t'), line('.'), col('.'), s:e.type, strpart(getline('.'), col('.') - 1, 8)))
endfor
call writefile(s:out, 'vim-out.txt')
qall!
