// natural ships no declaration for its deep module; importing it alone avoids loading all of natural (~1 s).
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
