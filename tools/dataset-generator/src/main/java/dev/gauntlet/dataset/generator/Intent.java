package dev.gauntlet.dataset.generator;

/** One kind of request customers make, able to draft any number of varied items of that kind. */
@FunctionalInterface
interface Intent {

  Draft draft(World world);
}
