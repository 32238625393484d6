/* bench-quiet-wx.c: preloaded into Aegisub by bench-open-srt, so that
 * wxWidgets' assertion dialogs (Debian's Aegisub 3.2 raises two at start
 * with wxWidgets 3.2) do not stop it before it opens the file: wx's
 * documented way to silence them is to set its assert handler to NULL. */
#include <dlfcn.h>

__attribute__ ((constructor)) static void
quiet_wx_asserts (void)
{
  void **handler = dlsym (RTLD_DEFAULT, "wxTheAssertHandler");

  if (handler)
    *handler = 0;
}
