" Runs loclint with :make and visits every diagnostic, writing where the cursor lands to
" vim-out.txt: file:line:col (bytes, as Vim counts columns): type: the text at the cursor.
" Used by tests/hookups_test.cpp; the two `set` lines are the ones the README recommends.
set makeprg=loclint\ --column-unit\ byte\ --color\ never\ .
set errorformat=%f:%l:%c:\ %t%*[a-z]:\ %m,%-G%.%#
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
