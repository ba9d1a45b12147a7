/**
 * Which mark options are channels, and when a string given to one is a constant rather than a column
 * name. These mirror Plot's own rules, so that Plotline flags exactly the strings Plot would read as columns.
 */
type ChannelKind = "field" | "color" | "number" | "fontSize" | "symbol";

const channelKinds: Readonly<Record<string, ChannelKind>> = {
  x: "field", x1: "field", x2: "field", y: "field", y1: "field", y2: "field", fx: "field", fy: "field",
  z: "field", text: "field", title: "field", href: "field", ariaLabel: "field", filter: "field",
  fill: "color", stroke: "color",
  fillOpacity: "number", strokeOpacity: "number", opacity: "number", strokeWidth: "number",
  r: "number", rotate: "number", length: "number", weight: "number",
  fontSize: "fontSize", symbol: "symbol",
};

const symbolNames = new Set([
  "asterisk", "circle", "cross", "diamond", "diamond2", "hexagon", "plus", "square", "square2", "star",
  "times", "triangle", "triangle2", "wye",
]);
const fontSizeKeywords = new Set(["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "larger", "smaller"]);
const cssColorFunction = /^(?:url|var|rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch|color|color-mix)\(.*\)$/;
const namedColors = new Set(
  "none currentcolor transparent aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow".split(" "),
);

export function isCssColor(value: string): boolean {
  const v = value.toLowerCase().trim();
  return /^#[0-9a-f]{3,8}$/.test(v) || cssColorFunction.test(v) || namedColors.has(v);
}

export const isChannelOption = (option: string): boolean => option in channelKinds;

/** True if a string given to a channel option names a column (as opposed to a constant Plot accepts). */
export function namesColumn(option: string, value: string): boolean {
  switch (channelKinds[option]) {
    case "field":
      return true;
    case "color":
      return !isCssColor(value);
    case "number":
      return true;
    case "fontSize":
      return !fontSizeKeywords.has(value) && !/^[+-]?\d*\.?\d+(e[+-]?\d+)?(\w*|%)$/.test(value);
    case "symbol":
      return !symbolNames.has(value.toLowerCase());
    default:
      return false;
  }
}
