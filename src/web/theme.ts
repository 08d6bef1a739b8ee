import { Alert, Anchor, Badge, Button, createTheme, darken, PasswordInput, Select, TextInput, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults put some text below 4.5:1 on white (blue-6 buttons, red-6 errors,
 * gray-6 "dimmed" text, yellow/green "light" badges). This theme darkens those so every
 * text colour meets WCAG 2.1 AA.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Badge: Badge.extend({ defaultProps: { variant: 'light', tt: 'none', size: 'md' } }),
    Alert: Alert.extend({ defaultProps: { variant: 'light' } }),
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Button: Button.extend({ defaultProps: { variant: 'filled' } }),
    // Required fields keep the `required` attribute (announced by screen readers), but the
    // label stays exactly its words: optional fields say "Optional" in their hint instead.
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { withAsterisk: false } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const lightColors: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const darkest = shades[9];
    if (typeof darkest === 'string') lightColors[`--mantine-color-${name}-light-color`] = darken(darkest, 0.35);
  }
  return {
    variables: {},
    light: {
      ...lightColors,
      '--mantine-color-error': 'var(--mantine-color-red-9)',
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
      '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    },
    dark: {},
  };
};

/** Secondary text that still meets 4.5:1 on white. */
export const SECONDARY_TEXT = 'gray.7';
