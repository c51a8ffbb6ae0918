// A wage area's distribution from its two DOL levels (and BLS's median where there is one): the
// method and its validation are in docs/model.md, "Metro and nonmetro areas".
#include "salary/wage_area.hpp"

#include <algorithm>
#include <cmath>

#include "number_format.hpp"

namespace salary {
namespace {

using detail::format_money;
using detail::join;

// z = Φ⁻¹(1/3): the lowest third of a distribution is z < kThird.
const double kThird = normal_quantile(1.0 / 3);

// The area's partial means are sums over its own z = Φ⁻¹(p), on a grid with a node at kThird so
// that the lowest third ends on one: kNodes nodes kStep apart from kThird − kBelow·kStep. Wide
// enough that what lies beyond (p < 1e-13 or p > 1 − 1e-13) is far below the fit's precision.
constexpr int kBelow = 160, kNodes = 320;
constexpr double kStep = 0.05;

// Solves f(x) = 0 for an increasing f on [lo, hi]: f is first looked at in `steps` equal steps
// (it may be undefined, NaN, towards an end), and the first step over which it changes sign is
// narrowed by the Illinois variant of regula falsi, as sure as bisection and as fast as the
// secant method on these smooth functions. NaN if f changes sign nowhere in [lo, hi].
// One function for every f (called through `at`): the wasm carries the loop once.
using Function = double (*)(const void* f, double x);
double solve_at(Function at, const void* f, double lo, double hi, int steps) {
  double a = lo, fa = at(f, a), b = a, fb = fa;
  for (int i = 1; i <= steps && !(fa <= 0 && fb >= 0); ++i) {
    if (fb <= 0) a = b, fa = fb;  // (a NaN at b leaves a where it was)
    b = lo + (hi - lo) * i / steps, fb = at(f, b);
  }
  if (!(fa <= 0 && fb >= 0)) return NAN;
  int side = 0;
  for (int i = 0; i < 100 && b - a > 1e-11 * (1 + std::fabs(a)); ++i) {
    double x = fb == fa ? (a + b) / 2 : (a * fb - b * fa) / (fb - fa), fx = at(f, x);
    if (!std::isfinite(fx)) return NAN;
    if (fx == 0) return x;
    if (fx < 0) {
      a = x, fa = fx;
      if (side == -1) fb /= 2;
      side = -1;
    } else {
      b = x, fb = fx;
      if (side == 1) fa /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}
template <typename F>
double solve(const F& f, double lo, double hi, int steps = 8) {
  return solve_at([](const void* g, double x) -> double { return (*static_cast<const F*>(g))(x); }, &f, lo, hi, steps);
}

// The state's curve with its percentiles remapped, Q(p) = Q_state(Φ(centre + width·Φ⁻¹(p))), and
// its two DOL levels: Level I = 3·∫₀^⅓ Q dp, Level IV = 1.5·∫⅓^1 Q dp, computed as sums over the
// area's z of Q_state at centre + width·z, with ln Q_state sampled once on a grid of the state's z
// (and continued in a straight line in (z, ln w) beyond it).
class RemappedShape {
 public:
  explicit RemappedShape(const Distribution& state) {
    for (int i = 0; i < kGrid; ++i)
      ln_q_[i] = std::log(state.salary_at(100 * normal_cdf(kFrom + i * kGridStep)));
    // The area's nodes and their weights (φ(z)·step, halved at either end of each third).
    for (int j = 0; j < kNodes; ++j) {
      z_[j] = kThird + (j - kBelow) * kStep;
      weight_[j] = std::exp(-z_[j] * z_[j] / 2) / std::sqrt(2 * M_PI) * kStep * (j == 0 || j == kNodes - 1 ? 0.5 : 1);
    }
  }

  struct Levels {
    double one = 0, four = 0;
  };
  Levels levels(double centre, double width) const {
    double low = 0, high = 0;
    for (int j = 0; j < kNodes; ++j) {
      double part = std::exp(ln_q(centre + width * z_[j])) * weight_[j];
      if (j < kBelow) low += part;
      else if (j > kBelow) high += part;
      else low += part / 2, high += part / 2;  // the node at ⅓ ends one trapezoid and starts the next
    }
    return {3 * low, 1.5 * high};
  }

  // (centre, width) whose Level I and IV are `one` and `four`; NaNs if none in range does.
  std::pair<double, double> fit(double one, double four) const {
    const double ratio = four / one;
    auto width_for = [&](double centre) {
      // In ln(width): from a curve 100 times narrower than its state's to one 4 times wider.
      double ln_w = solve([&](double x) { Levels l = levels(centre, std::exp(x)); return std::log(l.four / l.one / ratio); },
                          std::log(0.01), std::log(4));
      return std::exp(ln_w);
    };
    double centre = solve([&](double c) { return std::log(levels(c, width_for(c)).one / one); }, -5, 5, 10);
    return {centre, width_for(centre)};
  }

 private:
  static constexpr int kGrid = 301;
  static constexpr double kFrom = -7.5, kGridStep = 0.05;
  double ln_q(double z) const {
    double at = (z - kFrom) / kGridStep;
    int i = at > 0 ? (at < kGrid - 1 ? static_cast<int>(at) : kGrid - 2) : 0;  // (NaN: 0, and NaN out)
    return ln_q_[i] + (at - i) * (ln_q_[i + 1] - ln_q_[i]);
  }
  double ln_q_[kGrid];
  double z_[kNodes], weight_[kNodes];
};

std::string states_of(const Area& area) {
  std::string out;
  for (const std::string& s : area.states) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The area's curve as a distribution of its own: five knots and the mean DOL's levels imply
// (Level I / 3 + 2 · Level IV / 3), fitted as a state's row is. The knots are the remapped
// shape's percentiles, their distances from the median (in ln wage) scaled by one factor, chosen
// so that the fitted curve's Level I is DOL's (its Level IV then follows from the mean); anchored
// at BLS's median where there is one, else at the shape's own median. Where no curve through them
// reaches that mean (BLS's median far from where the shape alone puts it), so that Level IV would
// miss DOL's, the upper knots' spread is solved for Level IV, the lower ones' keeping Level I.
// `centre` is set to the remapping's (where the area's median sits in its state's curve).
Result<Distribution> fit_area(const Distribution& state, const WageLevels& dol, const double* median, double& centre) {
  auto [c, width] = RemappedShape(state).fit(dol[0], dol[3]);
  centre = c;
  double ln_q[5];
  for (size_t i = 0; i < 5; ++i)
    ln_q[i] = std::log(state.salary_at(100 * normal_cdf(centre + width * normal_quantile(kPercentiles[i] / 100))));
  const double anchor = median ? std::log(*median) : ln_q[2], mean = dol[0] / 3 + 2 * dol[3] / 3;
  std::vector<Knot> knots(5);
  auto with_spreads = [&](double lower, double upper) {
    for (size_t i = 0; i < 5; ++i)
      knots[i] = {kPercentiles[i], std::exp(anchor + (i < 2 ? lower : upper) * (ln_q[i] - ln_q[2]))};
    return Distribution::fit(knots, mean);
  };
  // How far the knots' curve's level (0: I, 1: IV) is from DOL's (NaN: no curve); whether it
  // reaches DOL's mean goes into `mean_missed`.
  bool mean_missed = false;
  auto miss = [&](double lower, double upper, int level) -> double {
    auto d = with_spreads(lower, upper);
    if (!d) return NAN;
    mean_missed = !d->mean_reached();
    return level ? 1.5 * d->partial_integral(1.0 / 3, 1) - dol[3] : dol[0] - 3 * d->partial_integral(0, 1.0 / 3);
  };
  auto lower_for = [&](double upper) { return solve([&](double lower) { return miss(lower, upper, 0); }, 0.2, 5); };
  double lower = solve([&](double s) { return miss(s, s, 0); }, 0.2, 5), upper = lower;
  miss(lower, upper, 0);
  if (mean_missed) {
    upper = solve([&](double u) { return miss(lower_for(u), u, 1); }, 0.1, 5);
    lower = lower_for(upper);
  }
  if (!std::isfinite(lower) || !std::isfinite(upper)) return make_error(code::kNoData, "no curve fits");
  return with_spreads(lower, upper);
}

}  // namespace

const Area& shape_area(const Dataset& data, const Occupation& occupation, const Area& area) {
  for (const std::string& code : area.states) {
    const Area* state = data.find_area(code);
    if (state && state->kind == AreaKind::kState && occupation.areas.count(code)) return *state;
  }
  return data.areas.at("US");  // load_dataset() requires it
}

Result<AreaDistribution> wage_area_distribution(const Dataset& data, const Occupation& occupation,
                                                const Area& area) {
  const Area* shape = &shape_area(data, occupation, area);
  auto state = area_distribution(data, occupation.code, shape->code);
  if (!state) return state.error();
  AreaDistribution out = state.value();
  out.area = area.code;
  out.area_name = area.name;
  out.area_kind = area.kind;
  out.estimated.fill(true);
  out.mean.reset();
  out.employment.reset();
  out.method = DistributionMethod::kStateFallback;
  const WageLevels* levels = data.prevailing_wages.find(occupation.code, area.code);
  const double* median = data.metro_medians.find(occupation.code, area.code);
  std::string note;
  if (levels) {
    out.levels = AreaDistribution::Levels{*levels, data.prevailing_wages.source, data.prevailing_wages.wage_year};
    double centre = 0;
    auto fitted = fit_area(state->distribution, *levels, median, centre);
    bool ok = fitted.ok();
    if (ok) {
      out.distribution = fitted.value();
    } else {
      // A state's curve from very few workers can be too lumpy to be remapped onto the area's
      // levels (Hawaii's QA analysts: p10 and p25 $190 apart): then the nation's.
      auto nation = area_distribution(data, occupation.code, "US");
      auto refitted = nation ? fit_area(nation->distribution, *levels, median, centre) : nation.error();
      if ((ok = refitted.ok())) {
        shape = &data.areas.at("US");
        out.release = nation->release;
        out.sources = nation->sources;
        out.distribution = refitted.value();
      }
    }
    if (ok) {
      out.method = median ? DistributionMethod::kAreaLevelsMedian : DistributionMethod::kAreaLevels;
      note = join({"Modelled, every point: BLS publishes no wage distribution for this area. It is the curve of ",
                   shape->name, " (", out.release, ") fitted to DOL's prevailing wage levels for the area, which come "
                   "from the same survey: Level I ", format_money((*levels)[0]), " (the mean pay of its lowest third) "
                   "and Level IV ", format_money((*levels)[3]), " (of its upper two thirds)",
                   median ? join({", and through BLS's median, ", format_money(*median)}) : "", ". Its median sits at ",
                   shape->name, "'s ", detail::format_integer(std::lround(100 * normal_cdf(centre))), "th percentile."});
    } else {
      note = "DOL's levels for this area could not be fitted to its state's curve: these are the state's figures.";
    }
  } else if (median) {
    // No levels (DOL's table has no 15-1254): the state's curve scaled to BLS's median.
    out.distribution = out.distribution.transformed(std::log(*median / out.distribution.salary_at(50)), 1);
    out.method = DistributionMethod::kAreaMedian;
    note = join({"Modelled, every point: the curve of ", shape->name, " (", out.release, ") scaled to BLS's median for ",
                 "this area, ", format_money(*median), " (DOL publishes no prevailing wage levels for ", occupation.title, ")."});
  } else {
    note = join({"BLS publishes no wage distribution for this area, and DOL no prevailing wage levels for ",
                 occupation.title, ": these are the figures of ", shape->name, ", where it lies (", states_of(area), ")."});
  }
  // The sources: DOL's levels, BLS's curve (its release), BLS's metro median.
  const std::string curve = out.sources.front();
  if (out.method == DistributionMethod::kAreaLevels) out.sources = {data.prevailing_wages.source, curve};
  if (out.method == DistributionMethod::kAreaLevelsMedian)
    out.sources = {data.prevailing_wages.source, curve, data.metro_medians.source};
  if (out.method == DistributionMethod::kAreaMedian) out.sources = {data.metro_medians.source, curve};
  // What the curve is first, then what the state's figures say (their release).
  out.notes.push_back(note);
  std::rotate(out.notes.begin(), out.notes.end() - 1, out.notes.end());
  out.implied_mean = out.distribution.mean();
  return out;
}

}  // namespace salary
