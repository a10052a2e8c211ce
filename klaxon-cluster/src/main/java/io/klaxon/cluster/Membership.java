package io.klaxon.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The owners' group as Kafka describes it: each member by node name, with the partitions of the
 * command topic assigned to it, sorted.
 *
 * @param partitions {@code P}
 */
public record Membership(int partitions, List<Member> members) {

  /** One instance and its partitions. */
  public record Member(String nodeName, List<Integer> partitions) {}

  public Membership {
    members = List.copyOf(members);
  }

  static Membership of(Admin admin, ClusterSettings settings) {
    ConsumerGroupDescription group;
    try {
      // Kafka answers a future for every group asked about, so the one asked for is there.
      group =
          Objects.requireNonNull(
                  admin
                      .describeConsumerGroups(List.of(settings.group()))
                      .describedGroups()
                      .get(settings.group()))
              .get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new io.klaxon.problem.Unavailable(
          "Kafka could not describe the cluster's members: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.klaxon.problem.Unavailable("interrupted while describing the cluster", e);
    }
    List<Member> members = new ArrayList<>();
    for (MemberDescription member : group.members()) {
      List<Integer> owned =
          member.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().equals(settings.topic()))
              .map(TopicPartition::partition)
              .sorted()
              .toList();
      members.add(new Member(member.clientId(), owned));
    }
    members.sort(Comparator.comparing(Member::nodeName));
    return new Membership(settings.partitions(), members);
  }
}
