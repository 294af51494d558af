import { useEffect } from 'react';
import { useSession } from '../../lib/session-store';

/** Light/dark follows the OS unless the user chose one; CSS reads `data-theme`. */
export function useTheme(): void {
  const theme = useSession((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
