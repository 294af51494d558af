import { useEffect } from 'react';
import { navigate } from '../../lib/hash-route';
import { useSession } from '../../lib/session-store';
import { routes } from '../routes';

/** Ctrl/Cmd+K opens the palette; Ctrl/Cmd+<digit> jumps to a page. */
export function useGlobalShortcuts(): void {
  const setPaletteOpen = useSession((s) => s.setPaletteOpen);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
        return;
      }
      const route = routes.find((r) => r.shortcut === e.key);
      if (route) {
        e.preventDefault();
        navigate(route.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPaletteOpen]);
}
