// Controls a widget draws itself (heat-map cells, the 2-D slider, the model map's boxes: elements
// given a tab stop, not form controls) would do nothing in the still picture rendered at build
// time, so there they get none; form controls are handled by WidgetFrame's disabled fieldset.
// On the client the markup's tabindex is set right as the island hydrates.

/** False while the still picture is rendered at build time, true in the browser. */
export const live = !import.meta.env.SSR;

/** The tabindex of a control a widget draws itself: 0 where `stop` is its tab stop, once scripts run; -1 in the still picture. */
export function tabStop(stop = true): 0 | -1 {
  return live && stop ? 0 : -1;
}
