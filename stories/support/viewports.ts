/**
 * Viewports offered in Storybook's toolbar (see .storybook/preview.ts). Stories pick one with
 * `globals: { viewport: { value: 'narrow' } }`; the fixture test applies the same size.
 */
export const viewports = {
  narrow: { name: 'Narrow phone (320 px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

export type ViewportName = keyof typeof viewports;
