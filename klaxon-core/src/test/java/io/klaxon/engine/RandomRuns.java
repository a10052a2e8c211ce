package io.klaxon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a property on many random runs, each a list of steps, and when one fails, shrinks it to a
 * simplest run that still fails before reporting it with the seed to replay it.
 *
 * <p>{@code -Dklaxon.tries=N} sets how many runs (default {@value #DEFAULT_TRIES}); {@code
 * -Dklaxon.seed=S} fixes the seed, which otherwise changes with every build. A failure names the
 * seed of the failing run: {@code -Dklaxon.seed=S -Dklaxon.tries=1} replays exactly that run.
 */
public final class RandomRuns {

  static final int DEFAULT_TRIES = 300;
  private static final int SHRINK_BUDGET = 5_000;

  private RandomRuns() {}

  /**
   * @param generate one random run from a seeded source
   * @param simpler simpler variants of one step (fewer commands, fewer surprises); may be empty
   * @param property throws an {@link AssertionError} (or anything) when the run breaks it
   */
  public static <S> void check(
      Function<Random, List<S>> generate,
      Function<S, List<S>> simpler,
      Consumer<List<S>> property) {
    int tries = Integer.getInteger("klaxon.tries", DEFAULT_TRIES);
    long seed = Long.getLong("klaxon.seed", new Random().nextLong());
    for (int i = 0; i < tries; i++) {
      long runSeed = seed + i;
      List<S> run = generate.apply(new Random(runSeed));
      Throwable failure = failureOf(property, run);
      if (failure != null) {
        Shrunk<S> shrunk = shrink(run, failure, simpler, property);
        throw new AssertionError(
            "property failed on run seed "
                + runSeed
                + " (replay: -Dklaxon.seed="
                + runSeed
                + " -Dklaxon.tries=1); "
                + run.size()
                + " steps shrunk to "
                + shrunk.steps().size()
                + ":\n"
                + render(shrunk.steps())
                + "failure: "
                + shrunk.failure(),
            shrunk.failure());
      }
    }
  }

  private record Shrunk<S>(List<S> steps, Throwable failure) {}

  private static <S> Shrunk<S> shrink(
      List<S> run, Throwable failure, Function<S, List<S>> simpler, Consumer<List<S>> property) {
    List<S> current = run;
    Throwable currentFailure = failure;
    int budget = SHRINK_BUDGET;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      for (List<S> candidate : candidates(current, simpler)) {
        if (budget-- <= 0) {
          break;
        }
        Throwable candidateFailure = failureOf(property, candidate);
        if (candidateFailure != null) {
          current = candidate;
          currentFailure = candidateFailure;
          progress = true;
          break;
        }
      }
    }
    return new Shrunk<>(current, currentFailure);
  }

  /** Runs with one step left out, then runs with one step made simpler. */
  private static <S> List<List<S>> candidates(List<S> run, Function<S, List<S>> simpler) {
    List<List<S>> candidates = new ArrayList<>();
    for (int i = 0; i < run.size(); i++) {
      List<S> without = new ArrayList<>(run);
      without.remove(i);
      candidates.add(without);
    }
    for (int i = 0; i < run.size(); i++) {
      for (S step : simpler.apply(run.get(i))) {
        List<S> replaced = new ArrayList<>(run);
        replaced.set(i, step);
        candidates.add(replaced);
      }
    }
    return candidates;
  }

  private static <S> @Nullable Throwable failureOf(Consumer<List<S>> property, List<S> run) {
    try {
      property.accept(run);
      return null;
    } catch (RuntimeException | AssertionError failure) { // an engine exception fails it too
      return failure;
    }
  }

  private static <S> String render(List<S> steps) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      text.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
    }
    return text.toString();
  }
}
