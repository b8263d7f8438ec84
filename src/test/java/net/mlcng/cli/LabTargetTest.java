package net.mlcng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** The shared LAB (and NODE) positionals land where each verb's own positionals expect them. */
class LabTargetTest {
    private static Object parsed(String... args) {
        ParseResult r = Main.commandLine().parseArgs(args);
        return r.subcommand().commandSpec().userObject();
    }

    @Test
    void labAndNodeComeFirstThenTheVerbsOwnPositionals() {
        DaemonCommand daemon = (DaemonCommand) parsed("daemon", "lab1", "n1", "status");
        assertThat(List.of(daemon.target.lab, daemon.target.node, daemon.action)).containsExactly("lab1", "n1", "status");

        NodeCommand node = (NodeCommand) parsed("node", "--workers", "2", "lab1", "n2", "restart");
        assertThat(List.of(node.target.lab, node.target.node)).containsExactly("lab1", "n2");
        assertThat(node.action).hasToString("RESTART");

        LinkCommand link = (LinkCommand) parsed("link", "lab1", "--loss", "30%", "n1", "n2");
        assertThat(List.of(link.target.lab, link.nodeA, link.nodeB, link.loss)).containsExactly("lab1", "n1", "n2", "30%");

        ExecCommand exec = (ExecCommand) parsed("exec", "lab1", "all", "--", "ip", "-j", "addr");
        assertThat(List.of(exec.target.lab, exec.nodes)).containsExactly("lab1", "all");
        assertThat(exec.command).containsExactly("ip", "-j", "addr");

        WgCommand wg = (WgCommand) parsed("wg", "lab1", "up", "--mode", "hub");
        assertThat(wg.target.lab).isEqualTo("lab1");
        assertThat(wg.action).isEqualTo(WgCommand.Action.up);

        ChaosCommand chaos = (ChaosCommand) parsed("chaos", "--seed", "7", "lab1", "--fail-rate", "2", "--duration", "10s");
        assertThat(chaos.target.lab).isEqualTo("lab1");
    }

    @Test
    void aMissingOrExtraPositionalIsStillAUsageError() {
        assertThat(CliRunner.run("node", "lab1", "n1").err()).contains("Missing required parameter: 'ACTION'");
        assertThat(CliRunner.run("wg").err()).contains("Missing required parameters: 'LAB', 'ACTION'");
        assertThat(CliRunner.run("chaos", "lab1", "lab2", "--seed", "1", "--fail-rate", "1", "--duration", "1s").exitCode()).isEqualTo(2);
    }
}
