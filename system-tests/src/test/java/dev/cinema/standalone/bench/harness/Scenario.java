package dev.cinema.standalone.bench.harness;

/** One line of the results: sets up what it measures on a fresh database, measures, tears down. */
interface Scenario {

    String name();

    ScenarioResult run(RunContext run) throws Exception;
}
