// jStat ships no types; only the few functions Small Wins uses are declared (see stats.ts).
declare module 'jstat' {
  interface JStat {
    /** ln B(a, b). */
    betaln(a: number, b: number): number;
    studentt: {
      /** The quantile of Student's t with `dof` degrees of freedom (non-integer allowed). */
      inv(p: number, dof: number): number;
      cdf(x: number, dof: number): number;
    };
    normal: {
      inv(p: number, mean: number, std: number): number;
      cdf(x: number, mean: number, std: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
