/** Colours and type shared by the SVG (HTML) and the PDF charts, so both look alike. */
export const PALETTE = [
  '#2f6fb0',
  '#e07b39',
  '#3a9a5b',
  '#c0392b',
  '#8e6bbf',
  '#8c6d31',
  '#d45d9e',
  '#7f8c8d',
  '#b5a600',
  '#1abc9c',
  '#34495e',
  '#e67e22',
];
export const LEVEL_COLOUR = '#2f6fb0';
/** A rise of cost per contact is bad news, a fall good news. */
export const RISE_COLOUR = '#c0392b';
export const FALL_COLOUR = '#3a9a5b';
export const AXIS_COLOUR = '#6b7280';
export const GRID_COLOUR = '#e5e7eb';
export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';

export const colourAt = (i: number): string => PALETTE[i % PALETTE.length] as string;
